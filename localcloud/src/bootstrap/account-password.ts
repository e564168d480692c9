import { randomBytes } from 'node:crypto';

/** Lower-case letters and digits without the look-alikes (l, o, 0, 1): 32, so a byte maps evenly. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A password for a declared account, such as a tablet several people share: easy to read aloud
 * and type, yet 80 random bits. Four groups of four characters, then `A1`, so that it meets
 * Cognito's policies up to 21 characters (upper and lower case, a digit, a symbol: the dashes).
 */
export function newAccountPassword(): string {
  const characters = [...randomBytes(16)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 12)}-${characters.slice(12, 16)}A1`;
}
