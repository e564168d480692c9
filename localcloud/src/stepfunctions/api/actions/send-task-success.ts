import { AwsServiceError } from '../../../aws-service-error.js';
import type { StepFunctionsEngine } from '../../engine/engine.js';
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
  await engine.sendTaskSuccess(token, output);
  return {};
}
