import type { ContextObject } from '../asl/context-object.js';
import type { Json } from '../asl/types.js';
import { evaluatePayloadTemplate } from '../io/index.js';
import { placeResult, selectOutput } from './paths.js';

/** The result fields shared by Task, Parallel and Map states. */
interface ResultFields {
  ResultSelector?: Json;
  ResultPath?: string | null;
  OutputPath?: string | null;
}

/**
 * Result processing of a Task, Parallel or Map state: ResultSelector shapes the result,
 * ResultPath places it into the state's raw input, OutputPath filters what moves on.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 */
export function processResult(
  state: ResultFields,
  input: unknown,
  result: unknown,
  context: ContextObject,
): unknown {
  const selected =
    state.ResultSelector === undefined
      ? result
      : evaluatePayloadTemplate(state.ResultSelector, result, context);
  return selectOutput(placeResult(input, selected, state.ResultPath), state.OutputPath, context);
}
