import { randomUUID } from 'node:crypto';
import type { CognitoContext } from '../context.js';
import { invalidParameter } from '../errors.js';
import type { UserPoolRecord, UserRecord, UserStatus } from '../records.js';
import { isEmail, isPhoneNumber, usernameAttributeFor, usesUsernameAttributes } from './usernames.js';

const USERNAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

/**
 * A new user record from the name a caller signs up (or creates) with. In a pool whose username
 * attributes stand in for usernames, that name is the email or phone number: it becomes that
 * attribute and the username is the new `sub`. In a pool with email or phone aliases, a username
 * may not look like one.
 */
export function newUserRecord(
  context: CognitoContext,
  pool: UserPoolRecord,
  requestedName: string,
  attributes: Record<string, string>,
  status: UserStatus,
): UserRecord {
  if (!USERNAME_PATTERN.test(requestedName)) {
    throw invalidParameter(
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    );
  }
  const sub = randomUUID();
  const own = { ...attributes };
  let username = requestedName;
  if (usesUsernameAttributes(pool)) {
    const attribute = usernameAttributeFor(pool, requestedName);
    if (attribute === undefined) {
      throw invalidParameter(
        pool.usernameAttributes.length === 1 && pool.usernameAttributes[0] === 'email'
          ? 'Username should be an email.'
          : 'Username should be either an email or a phone number.',
      );
    }
    own[attribute] = requestedName;
    username = sub;
  } else if (pool.aliasAttributes.includes('email') && isEmail(requestedName)) {
    throw invalidParameter(
      'Username cannot be of email format, since user pool is configured for email alias.',
    );
  } else if (pool.aliasAttributes.includes('phone_number') && isPhoneNumber(requestedName)) {
    throw invalidParameter(
      'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    );
  }
  const now = context.now();
  return {
    username,
    sub,
    attributes: { sub, ...own },
    status,
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
}
