import { randomInt } from 'node:crypto';
import type { PasswordPolicy } from '../records.js';

const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=?@^_'];

/**
 * A random password that satisfies `policy` (at least 16 characters, one of each kind), for a user
 * an administrator creates without giving a temporary password.
 */
export function generatePassword(policy: PasswordPolicy): string {
  const length = Math.max(16, policy.MinimumLength);
  const all = CLASSES.join('');
  const characters = CLASSES.map((set) => set[randomInt(set.length)] as string);
  while (characters.length < length) characters.push(all[randomInt(all.length)] as string);
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j] as string, characters[i] as string];
  }
  return characters.join('');
}
