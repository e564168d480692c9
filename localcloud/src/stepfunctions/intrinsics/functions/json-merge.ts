import {
  booleanArgument,
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  objectArgument,
} from '../invocation.js';

/**
 * `States.JsonMerge(first, second, false)`: a shallow merge of two objects, the second's members
 * winning. The third argument selects deep merging, which AWS does not support, so it must be
 * `false`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
 */
export const jsonMerge: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 3);
  const first = objectArgument(invocation, 0);
  const second = objectArgument(invocation, 1);
  if (booleanArgument(invocation, 2)) {
    throw intrinsicFailure(invocation, 'deep merging is not supported; the third argument must be false');
  }
  return { ...first, ...second };
};
