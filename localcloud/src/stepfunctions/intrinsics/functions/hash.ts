import { createHash } from 'node:crypto';
import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  stringArgument,
} from '../invocation.js';
import { MAX_ENCODING_INPUT_CHARACTERS } from '../limits.js';

/** The algorithms States.Hash accepts, by their ASL name, with their Node.js digest name. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/**
 * `States.Hash(data, algorithm)`: the lowercase hexadecimal digest of the string's UTF-8 bytes,
 * with `MD5`, `SHA-1`, `SHA-256`, `SHA-384` or `SHA-512`. The data may hold at most
 * {@link MAX_ENCODING_INPUT_CHARACTERS} characters.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-hash-calc
 */
export const hash: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 2);
  const data = stringArgument(invocation, 0);
  const algorithm = stringArgument(invocation, 1);
  const digest = Object.hasOwn(ALGORITHMS, algorithm) ? ALGORITHMS[algorithm] : undefined;
  if (digest === undefined) {
    throw intrinsicFailure(
      invocation,
      `unknown algorithm '${algorithm}', expected one of ${Object.keys(ALGORITHMS).join(', ')}`,
    );
  }
  if (data.length > MAX_ENCODING_INPUT_CHARACTERS) {
    throw intrinsicFailure(
      invocation,
      `the data has ${data.length} characters, more than ${MAX_ENCODING_INPUT_CHARACTERS}`,
    );
  }
  return createHash(digest).update(data, 'utf8').digest('hex');
};
