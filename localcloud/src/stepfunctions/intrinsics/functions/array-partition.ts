import {
  arrayArgument,
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  roundedIntegerArgument,
} from '../invocation.js';
import { expectWithinPayloadLimit } from '../payload-size.js';

/**
 * `States.ArrayPartition(array, chunkSize)`: the array cut into chunks of `chunkSize` items, the
 * last one possibly shorter. The chunk size must be a positive integer (a fraction is rounded).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const arrayPartition: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 2);
  const items = arrayArgument(invocation, 0);
  const size = roundedIntegerArgument(invocation, 1);
  if (size <= 0)
    throw intrinsicFailure(invocation, `the chunk size must be a positive integer but was ${size}`);
  expectWithinPayloadLimit(invocation, items);
  const chunks: unknown[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
};
