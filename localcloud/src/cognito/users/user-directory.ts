import type { StoreOp } from '../../store/group-commit.js';
import type { CognitoContext } from '../context.js';
import { CognitoError } from '../errors.js';
import type { AppClientRecord, UserPoolRecord, UserRecord } from '../records.js';
import { del, put } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { nameKey, usernameKeyOf } from './usernames.js';

/** The user whose username is `username`, or undefined. */
export function findUser(
  context: CognitoContext,
  pool: UserPoolRecord,
  username: string,
): Promise<UserRecord | undefined> {
  return context.store.get<UserRecord>(Keys.user(pool.id, nameKey(pool, username)));
}

/**
 * The user a sign-in name stands for: a username, or the value of a username attribute or a
 * verified alias (`jo@example.com`).
 */
export async function resolveUser(
  context: CognitoContext,
  pool: UserPoolRecord,
  loginName: string,
): Promise<UserRecord | undefined> {
  const byName = await findUser(context, pool, loginName);
  if (byName) return byName;
  for (const attribute of [...pool.usernameAttributes, ...pool.aliasAttributes]) {
    const usernameKey = await context.store.get<string>(
      Keys.alias(pool.id, attribute, nameKey(pool, loginName)),
    );
    if (usernameKey !== undefined) return context.store.get<UserRecord>(Keys.user(pool.id, usernameKey));
  }
  return undefined;
}

/** The user `username` names (directly or by alias); `UserNotFoundException` otherwise. */
export async function requireUser(
  context: CognitoContext,
  pool: UserPoolRecord,
  username: string,
): Promise<UserRecord> {
  const user = await resolveUser(context, pool, username);
  if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return user;
}

/**
 * The error for a sign-in name that names nobody: `UserNotFoundException`, or, for a client that
 * prevents user existence errors, the same answer as a wrong password.
 */
export function userNotFound(client: AppClientRecord): CognitoError {
  return client.preventUserExistenceErrors === 'ENABLED'
    ? new CognitoError('NotAuthorizedException', 'Incorrect username or password.')
    : new CognitoError('UserNotFoundException', 'User does not exist.');
}

/** The alias values a user holds: every username attribute it has, and its verified aliases. */
export function aliasesOf(pool: UserPoolRecord, user: UserRecord): Array<{ attribute: string; key: string }> {
  const aliases: Array<{ attribute: string; key: string }> = [];
  for (const attribute of pool.usernameAttributes) {
    const value = user.attributes[attribute];
    if (value !== undefined) aliases.push({ attribute, key: nameKey(pool, value) });
  }
  for (const attribute of pool.aliasAttributes) {
    const value = user.attributes[attribute];
    const verified =
      attribute === 'preferred_username' || user.attributes[`${attribute}_verified`] === 'true';
    if (value !== undefined && verified) aliases.push({ attribute, key: nameKey(pool, value) });
  }
  return aliases;
}

/**
 * The writes that store `user` (as changed from `before`, if it existed) with its alias index.
 * Callers check that a new alias is free first.
 */
export function saveUserOps(pool: UserPoolRecord, user: UserRecord, before?: UserRecord): StoreOp[] {
  const usernameKey = usernameKeyOf(pool, user);
  const ops: StoreOp[] = [put(Keys.user(pool.id, usernameKey), user)];
  const kept = new Set(aliasesOf(pool, user).map((alias) => `${alias.attribute}\u0000${alias.key}`));
  for (const alias of before ? aliasesOf(pool, before) : []) {
    if (!kept.has(`${alias.attribute}\u0000${alias.key}`))
      ops.push(del(Keys.alias(pool.id, alias.attribute, alias.key)));
  }
  for (const alias of aliasesOf(pool, user))
    ops.push(put(Keys.alias(pool.id, alias.attribute, alias.key), usernameKey));
  return ops;
}

/** Throws `UsernameExistsException`/`AliasExistsException` if another user holds one of `user`'s aliases. */
export async function assertAliasesFree(
  context: CognitoContext,
  pool: UserPoolRecord,
  user: UserRecord,
  error: 'UsernameExistsException' | 'AliasExistsException',
): Promise<void> {
  for (const alias of aliasesOf(pool, user)) {
    const holder = await context.store.get<string>(Keys.alias(pool.id, alias.attribute, alias.key));
    if (holder !== undefined && holder !== usernameKeyOf(pool, user)) {
      const what = alias.attribute === 'phone_number' ? 'phone_number' : alias.attribute;
      throw new CognitoError(error, `An account with the given ${what} already exists.`);
    }
  }
}
