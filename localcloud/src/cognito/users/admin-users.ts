import type { StoreOp } from '../../store/group-commit.js';
import { hashPassword } from '../auth/password-hash.js';
import { revokeAllOps } from '../auth/token-sessions.js';
import type { CognitoContext } from '../context.js';
import { CognitoError, notAuthorized } from '../errors.js';
import { generatePassword } from '../pools/generate-password.js';
import { assertPasswordConforms } from '../pools/password-policy.js';
import { allowsPasswordless } from '../pools/user-pools.js';
import type { UserPoolRecord, UserRecord } from '../records.js';
import { del } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { INVITATION_MESSAGE, sendCodeMessage } from './messages.js';
import { newUserRecord } from './new-user.js';
import { aliasesOf, assertAliasesFree, findUser, requireUser, saveUserOps } from './user-directory.js';
import { usernameKeyOf } from './usernames.js';

/** What an administrator creates a user with (AdminCreateUser). */
export interface NewAdminUser {
  username: string;
  attributes?: Record<string, string>;
  /** Given, it must meet the policy; otherwise one is generated, unless the pool is passwordless. */
  temporaryPassword?: string;
  /** `SUPPRESS` sends no invitation; `RESEND` sends a new temporary password to an invited user. */
  messageAction?: 'SUPPRESS' | 'RESEND';
}

async function invite(context: CognitoContext, user: UserRecord, password: string): Promise<void> {
  const to = user.attributes.email ?? user.attributes.phone_number;
  if (to !== undefined) await sendCodeMessage(context, to, INVITATION_MESSAGE, password, user.username);
}

/**
 * AdminCreateUser: a confirmed account that must change its temporary password at first sign-in
 * (`FORCE_CHANGE_PASSWORD`), invited through the outbox unless suppressed.
 */
export async function adminCreateUser(
  context: CognitoContext,
  pool: UserPoolRecord,
  spec: NewAdminUser,
): Promise<UserRecord> {
  if (spec.messageAction === 'RESEND') return resendInvitation(context, pool, spec);
  if (spec.temporaryPassword !== undefined)
    assertPasswordConforms(pool.passwordPolicy, spec.temporaryPassword);
  const password =
    spec.temporaryPassword ?? (allowsPasswordless(pool) ? undefined : generatePassword(pool.passwordPolicy));
  const user = newUserRecord(
    context,
    pool,
    spec.username,
    spec.attributes ?? {},
    password === undefined ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
  );
  if (password !== undefined) user.passwordHash = await hashPassword(password);
  await context.store.exclusive(async () => {
    if (await findUser(context, pool, user.username)) {
      throw new CognitoError('UsernameExistsException', 'User account already exists');
    }
    await assertAliasesFree(context, pool, user, 'UsernameExistsException');
    await context.store.write(saveUserOps(pool, user));
  });
  if (spec.messageAction !== 'SUPPRESS' && password !== undefined) await invite(context, user, password);
  return user;
}

async function resendInvitation(
  context: CognitoContext,
  pool: UserPoolRecord,
  spec: NewAdminUser,
): Promise<UserRecord> {
  const password = spec.temporaryPassword ?? generatePassword(pool.passwordPolicy);
  assertPasswordConforms(pool.passwordPolicy, password);
  const passwordHash = await hashPassword(password);
  const user = await context.store.exclusive(async () => {
    const current = await requireUser(context, pool, spec.username);
    if (current.status !== 'FORCE_CHANGE_PASSWORD') {
      throw new CognitoError('UnsupportedUserStateException', `User is in ${current.status} state`);
    }
    const renewed = { ...current, passwordHash, updatedAt: context.now() };
    await context.store.write(saveUserOps(pool, renewed, current));
    return renewed;
  });
  await invite(context, user, password);
  return user;
}

/**
 * AdminSetUserPassword: a permanent password confirms the account; a temporary one must be
 * changed at the next sign-in.
 */
export async function adminSetUserPassword(
  context: CognitoContext,
  pool: UserPoolRecord,
  username: string,
  password: string,
  permanent: boolean,
): Promise<void> {
  assertPasswordConforms(pool.passwordPolicy, password);
  const passwordHash = await hashPassword(password);
  await context.store.exclusive(async () => {
    const user = await requireUser(context, pool, username);
    const { confirmation: _dropped, ...rest } = user;
    const changed: UserRecord = {
      ...rest,
      passwordHash,
      status: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
      updatedAt: context.now(),
    };
    await context.store.write(saveUserOps(pool, changed, user));
  });
}

/** AdminConfirmSignUp: confirms an unconfirmed account without its code. */
export async function adminConfirmSignUp(context: CognitoContext, pool: UserPoolRecord, username: string) {
  await context.store.exclusive(async () => {
    const user = await requireUser(context, pool, username);
    if (user.status !== 'UNCONFIRMED') {
      throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
    }
    const { confirmation: _dropped, ...rest } = user;
    await context.store.write(
      saveUserOps(pool, { ...rest, status: 'CONFIRMED', updatedAt: context.now() }, user),
    );
  });
}

/** AdminEnableUser / AdminDisableUser; disabling also revokes every token of the user. */
export async function setUserEnabled(
  context: CognitoContext,
  pool: UserPoolRecord,
  username: string,
  enabled: boolean,
): Promise<void> {
  await context.store.exclusive(async () => {
    const user = await requireUser(context, pool, username);
    const ops = saveUserOps(pool, { ...user, enabled, updatedAt: context.now() }, user);
    if (!enabled) ops.push(...(await revokeAllOps(context, pool, user)));
    await context.store.write(ops);
  });
}

/** AdminDeleteUser: the user, its aliases, group memberships and tokens. */
export async function adminDeleteUser(context: CognitoContext, pool: UserPoolRecord, username: string) {
  await context.store.exclusive(async () => {
    const user = await requireUser(context, pool, username);
    const usernameKey = usernameKeyOf(pool, user);
    const ops: StoreOp[] = [del(Keys.user(pool.id, usernameKey))];
    for (const alias of aliasesOf(pool, user)) ops.push(del(Keys.alias(pool.id, alias.attribute, alias.key)));
    for (const membership of await context.store.scan<string>(Keys.userGroups(pool.id, usernameKey))) {
      ops.push(del(membership.key), del(Keys.groupUser(pool.id, membership.value, usernameKey)));
    }
    ops.push(...(await revokeAllOps(context, pool, user)));
    await context.store.write(ops);
  });
}
