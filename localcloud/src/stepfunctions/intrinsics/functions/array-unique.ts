import { arrayArgument, expectArgumentCount, type IntrinsicFunction } from '../invocation.js';
import { jsonEqual } from '../json-equal.js';

/**
 * `States.ArrayUnique(array)`: the array without duplicates (compared as JSON), keeping the first
 * occurrence of each value in its place.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const arrayUnique: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 1);
  const unique: unknown[] = [];
  for (const item of arrayArgument(invocation, 0)) {
    if (!unique.some((kept) => jsonEqual(kept, item))) unique.push(item);
  }
  return unique;
};
