import type { UserPoolRecord, UserRecord } from '../records.js';

/** How a pool compares names: as given when case-sensitive, else in lower case. */
export function nameKey(pool: UserPoolRecord, name: string): string {
  return pool.caseSensitive ? name : name.toLowerCase();
}

/** The store key part of a user's username. */
export function usernameKeyOf(pool: UserPoolRecord, user: Pick<UserRecord, 'username'>): string {
  return nameKey(pool, user.username);
}

/** Whether `value` looks like an email address, as Cognito checks it. */
export function isEmail(value: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(value);
}

/** Whether `value` looks like an E.164 phone number. */
export function isPhoneNumber(value: string): boolean {
  return /^\+[0-9]{4,15}$/.test(value);
}

/** Whether usernames in `pool` are an attribute (email or phone number) rather than chosen names. */
export function usesUsernameAttributes(pool: UserPoolRecord): boolean {
  return pool.usernameAttributes.length > 0;
}

/**
 * The attribute a pool with username attributes takes a sign-up name as (`email` or
 * `phone_number`), or undefined when the name fits none of them.
 */
export function usernameAttributeFor(pool: UserPoolRecord, name: string): string | undefined {
  if (pool.usernameAttributes.includes('email') && isEmail(name)) return 'email';
  if (pool.usernameAttributes.includes('phone_number') && isPhoneNumber(name)) return 'phone_number';
  return undefined;
}
