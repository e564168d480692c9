import {
  arrayArgument,
  expectArgumentCount,
  type IntrinsicFunction,
  integerArgument,
  intrinsicFailure,
} from '../invocation.js';

/**
 * `States.ArrayGetItem(array, index)`: the item at a zero-based index, which must exist.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const arrayGetItem: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 2);
  const items = arrayArgument(invocation, 0);
  const index = integerArgument(invocation, 1);
  if (index < 0 || index >= items.length) {
    throw intrinsicFailure(
      invocation,
      `index ${index} is out of bounds of an array of length ${items.length}`,
    );
  }
  return items[index];
};
