import { expectArgumentCount, type IntrinsicFunction, stringArgument } from '../invocation.js';

/**
 * `States.StringSplit(string, delimiters)`: the string split at every occurrence of any of the
 * delimiter characters (`".+,="` splits on each of the four), without empty pieces.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-string-operation
 */
export const stringSplit: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 2);
  const text = stringArgument(invocation, 0);
  const delimiters = new Set(stringArgument(invocation, 1));
  const pieces: string[] = [];
  let piece = '';
  for (const char of text) {
    if (delimiters.has(char)) {
      pieces.push(piece);
      piece = '';
    } else {
      piece += char;
    }
  }
  pieces.push(piece);
  return pieces.filter((candidate) => candidate !== '');
};
