import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  roundedIntegerArgument,
} from '../invocation.js';
import { MAX_MATH_ADD_INTEGER, MIN_MATH_ADD_INTEGER } from '../limits.js';

/**
 * `States.MathAdd(a, b)`: the sum of two integers (fractions are rounded), each between
 * {@link MIN_MATH_ADD_INTEGER} and {@link MAX_MATH_ADD_INTEGER}.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation
 */
export const mathAdd: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 2);
  const operands = [roundedIntegerArgument(invocation, 0), roundedIntegerArgument(invocation, 1)];
  for (const [index, operand] of operands.entries()) {
    if (operand < MIN_MATH_ADD_INTEGER || operand > MAX_MATH_ADD_INTEGER) {
      throw intrinsicFailure(
        invocation,
        `argument ${index + 1} (${operand}) is outside ${MIN_MATH_ADD_INTEGER} to ${MAX_MATH_ADD_INTEGER}`,
      );
    }
  }
  return operands.reduce((sum, operand) => sum + operand, 0);
};
