import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, optionalString, taskTokenField } from '../request-fields.js';

/** SendTaskFailure. */
export async function sendTaskFailure(engine: StepFunctionsEngine, input: Input) {
  await engine.sendTaskFailure(
    taskTokenField(input),
    optionalString(input, 'error', 256),
    optionalString(input, 'cause', 32_768),
  );
  return {};
}
