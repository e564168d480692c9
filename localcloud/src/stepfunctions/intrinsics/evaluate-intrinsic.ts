/**
 * Evaluation of an intrinsic function expression: arguments first, left to right (Paths against
 * the input, `$$` Paths against the context object, nested invocations recursively), then the
 * function from the dispatch table.
 *
 * @see https://states-language.net/spec.html#intrinsic-functions
 */
import { StatesError, StatesErrorName } from '../errors.js';
import { formatNormalizedPath, parseReferencePath, queryPath } from '../paths/index.js';
import { isIntrinsicFunctionName } from './function-names.js';
import { INTRINSIC_FUNCTIONS } from './functions/registry.js';
import { parseIntrinsic } from './parse-intrinsic.js';
import type { IntrinsicArgumentNode, IntrinsicCallNode } from './syntax.js';

/**
 * Evaluates an intrinsic function expression such as `States.Format('Hi {}', $.name)`.
 *
 * @param expression The value of a `.$` field that does not begin with `$`.
 * @param input The document `$` Paths read (the payload template's input).
 * @param context The context object `$$` Paths read.
 * @throws StatesError `States.IntrinsicFailure` for a malformed expression, an unknown function,
 *   a Path argument that selects nothing, or arguments the function rejects.
 */
export function evaluateIntrinsic(expression: string, input: unknown, context: unknown): unknown {
  return evaluateCall(parseIntrinsic(expression), input, context);
}

function evaluateCall(call: IntrinsicCallNode, input: unknown, context: unknown): unknown {
  const { name, args } = call;
  if (!isIntrinsicFunctionName(name)) {
    throw new StatesError(StatesErrorName.IntrinsicFailure, `Unknown intrinsic function '${name}'`);
  }
  const values = args.map((arg) => evaluateArgument(arg, input, context));
  try {
    return INTRINSIC_FUNCTIONS[name]({ name, args, values });
  } catch (error) {
    if (error instanceof StatesError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StatesError(StatesErrorName.IntrinsicFailure, `Invalid arguments in ${name}: ${reason}`);
  }
}

function evaluateArgument(arg: IntrinsicArgumentNode, input: unknown, context: unknown): unknown {
  switch (arg.kind) {
    case 'string':
    case 'literal':
      return arg.value;
    case 'call':
      return evaluateCall(arg, input, context);
    case 'path':
      return readPathArgument(arg.path, input, context);
  }
}

function readPathArgument(path: string, input: unknown, context: unknown): unknown {
  let match: ReturnType<typeof queryPath>;
  try {
    match = queryPath(path, input, context);
  } catch (error) {
    throw new StatesError(StatesErrorName.IntrinsicFailure, (error as Error).message);
  }
  if (match.found) return match.value;
  throw new StatesError(
    StatesErrorName.IntrinsicFailure,
    `The JsonPath argument '${path}' could not be found in the input: No results for path: ${formatNormalizedPath(parseReferencePath(path))}`,
  );
}
