import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, stateMachineArnField } from '../request-fields.js';

/** DeleteStateMachine. */
export async function deleteStateMachine(engine: StepFunctionsEngine, input: Input) {
  await engine.deleteStateMachine(stateMachineArnField(input));
  return {};
}
