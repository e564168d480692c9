import { AwsServiceError } from '../../../aws-service-error.js';
import type { StepFunctionsEngine } from '../../engine/engine.js';
import { MAX_JSON_NESTING, nestsDeeperThan } from '../../engine/json-text.js';
import { type Input, requiredString, taskTokenField } from '../request-fields.js';

/** SendTaskSuccess: `output` must be JSON (`InvalidOutput` otherwise). */
export async function sendTaskSuccess(engine: StepFunctionsEngine, input: Input) {
  const token = taskTokenField(input);
  const outputText = requiredString(input, 'output', 262_144);
  let output: unknown;
  try {
    output = JSON.parse(outputText);
  } catch {
    throw new AwsServiceError('InvalidOutput', "Invalid Output: 'The output is not valid JSON'");
  }
  if (nestsDeeperThan(output, MAX_JSON_NESTING))
    throw new AwsServiceError(
      'InvalidOutput',
      `Invalid Output: 'nested deeper than ${MAX_JSON_NESTING} levels'`,
    );
  await engine.sendTaskSuccess(token, output);
  return {};
}
