import { arrayArgument, expectArgumentCount, type IntrinsicFunction } from '../invocation.js';

/**
 * `States.ArrayLength(array)`: the number of items in the array.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const arrayLength: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 1);
  return arrayArgument(invocation, 0).length;
};
