import type { IntrinsicFunction } from '../invocation.js';

/**
 * `States.Array(...values)`: a JSON array of its zero or more arguments, in order.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const array: IntrinsicFunction = (invocation) => [...invocation.values];
