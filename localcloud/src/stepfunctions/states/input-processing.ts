import type { ContextObject } from '../asl/context-object.js';
import type { Json } from '../asl/types.js';
import { evaluatePayloadTemplate } from '../io/index.js';
import { selectInput } from './paths.js';

/** The input fields shared by Pass, Task and Parallel states. */
interface InputFields {
  InputPath?: string | null;
  Parameters?: Json;
}

/**
 * Input processing: InputPath selects part of the raw input, then Parameters (when present)
 * builds the state's effective input from it.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 */
export function processInput(state: InputFields, input: unknown, context: ContextObject): unknown {
  const selected = selectInput(input, state.InputPath, context);
  return state.Parameters === undefined
    ? selected
    : evaluatePayloadTemplate(state.Parameters, selected, context);
}
