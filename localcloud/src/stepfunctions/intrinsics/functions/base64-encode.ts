import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  stringArgument,
} from '../invocation.js';
import { MAX_ENCODING_INPUT_CHARACTERS } from '../limits.js';

/**
 * `States.Base64Encode(string)`: the Base64 encoding of the string's UTF-8 bytes. The string may
 * hold at most {@link MAX_ENCODING_INPUT_CHARACTERS} characters.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode
 */
export const base64Encode: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 1);
  const text = stringArgument(invocation, 0);
  if (text.length > MAX_ENCODING_INPUT_CHARACTERS) {
    throw intrinsicFailure(
      invocation,
      `the string has ${text.length} characters, more than ${MAX_ENCODING_INPUT_CHARACTERS}`,
    );
  }
  return Buffer.from(text, 'utf8').toString('base64');
};
