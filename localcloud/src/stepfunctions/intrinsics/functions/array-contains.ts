import { arrayArgument, expectArgumentCount, type IntrinsicFunction } from '../invocation.js';
import { jsonEqual } from '../json-equal.js';
import { expectWithinPayloadLimit } from '../payload-size.js';

/**
 * `States.ArrayContains(array, value)`: whether the array holds a value equal to `value`
 * (compared as JSON, so objects match by content).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const arrayContains: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 2);
  const items = arrayArgument(invocation, 0);
  expectWithinPayloadLimit(invocation, items);
  const wanted = invocation.values[1];
  return items.some((item) => jsonEqual(item, wanted));
};
