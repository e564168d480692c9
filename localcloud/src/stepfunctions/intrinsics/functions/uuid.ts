import { randomUUID } from 'node:crypto';
import { expectArgumentCount, type IntrinsicFunction } from '../invocation.js';

/**
 * `States.UUID()`: a random version 4 UUID.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-uuid-generate
 */
export const uuid: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 0);
  return randomUUID();
};
