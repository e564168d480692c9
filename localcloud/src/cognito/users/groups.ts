import type { CognitoContext } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import type { GroupRecord, UserPoolRecord, UserRecord } from '../records.js';
import { del, put } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { requireUser } from './user-directory.js';
import { usernameKeyOf } from './usernames.js';

/** What a new group is made of. */
export interface NewGroup {
  name: string;
  description?: string;
  roleArn?: string;
  precedence?: number;
}

/** Creates a group; `GroupExistsException` if the pool has one of that name. */
export async function createGroup(
  context: CognitoContext,
  pool: UserPoolRecord,
  spec: NewGroup,
): Promise<GroupRecord> {
  if (spec.name.length < 1 || spec.name.length > 128) {
    throw invalidParameter('GroupName must be between 1 and 128 characters long');
  }
  if (spec.precedence !== undefined && (!Number.isInteger(spec.precedence) || spec.precedence < 0)) {
    throw invalidParameter('Precedence must be a non-negative integer');
  }
  return context.store.exclusive(async () => {
    if (await findGroup(context, pool, spec.name)) {
      throw new CognitoError('GroupExistsException', 'A group with the name already exists.');
    }
    const now = context.now();
    const group: GroupRecord = {
      name: spec.name,
      poolId: pool.id,
      ...(spec.description !== undefined && { description: spec.description }),
      ...(spec.roleArn !== undefined && { roleArn: spec.roleArn }),
      ...(spec.precedence !== undefined && { precedence: spec.precedence }),
      createdAt: now,
      updatedAt: now,
    };
    await context.store.write([put(Keys.group(pool.id, group.name), group)]);
    return group;
  });
}

/** The group named `name`, or undefined. */
export function findGroup(
  context: CognitoContext,
  pool: UserPoolRecord,
  name: string,
): Promise<GroupRecord | undefined> {
  return context.store.get<GroupRecord>(Keys.group(pool.id, name));
}

/** The group named `name`; `ResourceNotFoundException` otherwise. */
export async function requireGroup(
  context: CognitoContext,
  pool: UserPoolRecord,
  name: string,
): Promise<GroupRecord> {
  const group = await findGroup(context, pool, name);
  if (!group) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  return group;
}

/** A pool's groups by name, one page. */
export async function listGroups(
  context: CognitoContext,
  pool: UserPoolRecord,
  page: { limit: number; after?: string },
): Promise<{ groups: GroupRecord[]; lastKey?: string }> {
  const { entries, lastKey } = await context.store.page<GroupRecord>(
    Keys.groups(pool.id),
    page.limit,
    page.after,
  );
  return { groups: entries.map((entry) => entry.value), ...(lastKey !== undefined && { lastKey }) };
}

/** Adds a user to a group; adding a member again changes nothing. */
export async function addUserToGroup(
  context: CognitoContext,
  pool: UserPoolRecord,
  username: string,
  groupName: string,
): Promise<void> {
  await context.store.exclusive(async () => {
    const user = await requireUser(context, pool, username);
    await requireGroup(context, pool, groupName);
    const usernameKey = usernameKeyOf(pool, user);
    await context.store.write([
      put(Keys.userGroup(pool.id, usernameKey, groupName), groupName),
      put(Keys.groupUser(pool.id, groupName, usernameKey), usernameKey),
    ]);
  });
}

/** Removes a user from a group. */
export async function removeUserFromGroup(
  context: CognitoContext,
  pool: UserPoolRecord,
  username: string,
  groupName: string,
): Promise<void> {
  await context.store.exclusive(async () => {
    const user = await requireUser(context, pool, username);
    await requireGroup(context, pool, groupName);
    const usernameKey = usernameKeyOf(pool, user);
    await context.store.write([
      del(Keys.userGroup(pool.id, usernameKey, groupName)),
      del(Keys.groupUser(pool.id, groupName, usernameKey)),
    ]);
  });
}

/**
 * A user's groups in the order Cognito lists them in `cognito:groups`: by precedence (lowest
 * first, groups without one last), then by name.
 */
export async function groupsOfUser(
  context: CognitoContext,
  pool: UserPoolRecord,
  user: UserRecord,
): Promise<GroupRecord[]> {
  const entries = await context.store.scan<string>(Keys.userGroups(pool.id, usernameKeyOf(pool, user)));
  const groups: GroupRecord[] = [];
  for (const entry of entries) {
    const group = await findGroup(context, pool, entry.value);
    if (group) groups.push(group);
  }
  const rank = (group: GroupRecord) => group.precedence ?? Number.MAX_SAFE_INTEGER;
  return groups.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The members of a group in username order, one page. */
export async function usersInGroup(
  context: CognitoContext,
  pool: UserPoolRecord,
  groupName: string,
  page: { limit: number; after?: string },
): Promise<{ users: UserRecord[]; lastKey?: string }> {
  await requireGroup(context, pool, groupName);
  const { entries, lastKey } = await context.store.page<string>(
    Keys.groupUsers(pool.id, groupName),
    page.limit,
    page.after,
  );
  const users: UserRecord[] = [];
  for (const entry of entries) {
    const user = await context.store.get<UserRecord>(Keys.user(pool.id, entry.value));
    if (user) users.push(user);
  }
  return { users, ...(lastKey !== undefined && { lastKey }) };
}
