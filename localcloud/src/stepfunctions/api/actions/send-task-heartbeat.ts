import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, taskTokenField } from '../request-fields.js';

/** SendTaskHeartbeat. */
export async function sendTaskHeartbeat(engine: StepFunctionsEngine, input: Input) {
  await engine.sendTaskHeartbeat(taskTokenField(input));
  return {};
}
