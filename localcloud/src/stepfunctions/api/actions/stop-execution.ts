import type { StepFunctionsEngine } from '../../engine/engine.js';
import { executionArnField, type Input, optionalString, wireTime } from '../request-fields.js';

/** StopExecution. */
export async function stopExecution(engine: StepFunctionsEngine, input: Input) {
  const record = await engine.stopExecution(
    executionArnField(input),
    optionalString(input, 'error', 256),
    optionalString(input, 'cause', 32_768),
  );
  return { stopDate: wireTime(record.stopDate ?? Date.now()) };
}
