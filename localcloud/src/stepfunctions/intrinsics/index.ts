/**
 * The intrinsic functions of the States language (JSONPath query language): parsing an
 * expression and evaluating it against a payload template's input and the context object.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export { evaluateIntrinsic } from './evaluate-intrinsic.js';
export {
  INTRINSIC_FUNCTION_NAMES,
  type IntrinsicFunctionName,
  isIntrinsicFunctionName,
} from './function-names.js';
export { INTRINSIC_FUNCTIONS } from './functions/registry.js';
export type { IntrinsicFunction, IntrinsicInvocation } from './invocation.js';
export {
  MAX_ARRAY_RANGE_ITEMS,
  MAX_ENCODING_INPUT_CHARACTERS,
  MAX_INTRINSIC_NESTING,
  MAX_MATH_ADD_INTEGER,
  MAX_PAYLOAD_BYTES,
  MIN_MATH_ADD_INTEGER,
} from './limits.js';
export { isIntrinsic, parseIntrinsic } from './parse-intrinsic.js';
export type {
  IntrinsicArgumentNode,
  IntrinsicCallNode,
  IntrinsicLiteralNode,
  IntrinsicPathNode,
  IntrinsicStringNode,
} from './syntax.js';
