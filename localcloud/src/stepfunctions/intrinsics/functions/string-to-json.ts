import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  stringArgument,
} from '../invocation.js';

/**
 * `States.StringToJson(string)`: parses an escaped JSON string into its JSON value.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
 */
export const stringToJson: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 1);
  const text = stringArgument(invocation, 0);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw intrinsicFailure(invocation, `the string is not valid JSON (${(error as Error).message})`);
  }
};
