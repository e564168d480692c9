import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, optionalString, stateMachineArnField, wireTime } from '../request-fields.js';

/** The largest execution input AWS accepts, in characters. */
const MAX_INPUT_LENGTH = 262_144;

/** StartExecution: durable before it answers; idempotent by name while running. */
export async function startExecution(engine: StepFunctionsEngine, input: Input) {
  const name = optionalString(input, 'name', 80);
  const executionInput = optionalString(input, 'input', MAX_INPUT_LENGTH);
  const traceHeader = optionalString(input, 'traceHeader', 256);
  const record = await engine.startExecution({
    stateMachineArn: stateMachineArnField(input),
    ...(name !== undefined && { name }),
    ...(executionInput !== undefined && { input: executionInput }),
    ...(traceHeader !== undefined && { traceHeader }),
  });
  return { executionArn: record.executionArn, startDate: wireTime(record.startDate) };
}
