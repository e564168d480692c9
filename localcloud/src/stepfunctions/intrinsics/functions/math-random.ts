import { randomInt } from 'node:crypto';
import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  roundedIntegerArgument,
} from '../invocation.js';

/**
 * `States.MathRandom(start, end[, seed])`: a random integer from `start` (inclusive) to `end`
 * (exclusive); fractions are rounded. With a seed the result is the same on every call.
 * Not cryptographically meaningful, as AWS warns.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation
 */
export const mathRandom: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 2, 3);
  const start = roundedIntegerArgument(invocation, 0);
  const end = roundedIntegerArgument(invocation, 1);
  if (end <= start)
    throw intrinsicFailure(invocation, `the end (${end}) must be greater than the start (${start})`);
  if (invocation.values.length === 2) return randomInt(start, end);
  const seed = roundedIntegerArgument(invocation, 2);
  return start + Math.floor(seededFraction(seed) * (end - start));
};

/** A fraction in [0, 1) determined by `seed` alone (one step of the mulberry32 generator). */
function seededFraction(seed: number): number {
  let state = (seed + 0x6d2b79f5) | 0;
  state = Math.imul(state ^ (state >>> 15), state | 1);
  state ^= state + Math.imul(state ^ (state >>> 7), state | 61);
  return ((state ^ (state >>> 14)) >>> 0) / 4_294_967_296;
}
