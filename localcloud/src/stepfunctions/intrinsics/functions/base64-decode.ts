import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  stringArgument,
} from '../invocation.js';
import { MAX_ENCODING_INPUT_CHARACTERS } from '../limits.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `States.Base64Decode(string)`: the UTF-8 text a Base64 string encodes. The string may hold at
 * most {@link MAX_ENCODING_INPUT_CHARACTERS} characters and must be valid Base64 (MIME line
 * breaks are ignored) encoding valid UTF-8.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode
 */
export const base64Decode: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 1);
  const encoded = stringArgument(invocation, 0);
  if (encoded.length > MAX_ENCODING_INPUT_CHARACTERS) {
    throw intrinsicFailure(
      invocation,
      `the string has ${encoded.length} characters, more than ${MAX_ENCODING_INPUT_CHARACTERS}`,
    );
  }
  const compact = encoded.replace(/\r?\n/g, '');
  if (!BASE64.test(compact)) throw intrinsicFailure(invocation, 'the string is not valid Base64');
  try {
    return UTF8.decode(Buffer.from(compact, 'base64'));
  } catch {
    throw intrinsicFailure(invocation, 'the decoded bytes are not valid UTF-8 text');
  }
};
