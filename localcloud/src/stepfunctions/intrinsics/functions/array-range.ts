import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  roundedIntegerArgument,
} from '../invocation.js';
import { MAX_ARRAY_RANGE_ITEMS } from '../limits.js';

/**
 * `States.ArrayRange(first, last, step)`: the integers from `first` towards `last` (inclusive)
 * in increments of `step`. Fractions are rounded, `step` must not be zero and the result may hold
 * at most {@link MAX_ARRAY_RANGE_ITEMS} items.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const arrayRange: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 3);
  const first = roundedIntegerArgument(invocation, 0);
  const last = roundedIntegerArgument(invocation, 1);
  const step = roundedIntegerArgument(invocation, 2);
  if (step === 0) throw intrinsicFailure(invocation, 'the step must not be zero');
  const count = Math.max(0, Math.floor((last - first) / step) + 1);
  if (count > MAX_ARRAY_RANGE_ITEMS) {
    throw intrinsicFailure(
      invocation,
      `the range would hold ${count} items, more than ${MAX_ARRAY_RANGE_ITEMS}`,
    );
  }
  return Array.from({ length: count }, (_, index) => first + index * step);
};
