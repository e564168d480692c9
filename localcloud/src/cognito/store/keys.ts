/**
 * The key layout of the user-pool store. Parts are joined by NUL, which no identifier contains,
 * so a prefix scan under one pool, user or group never strays into another.
 */

const SEPARATOR = '\u0000';
const END = '\uffff';

/** The bounds that scan every key under a prefix. */
export interface KeyRange {
  gt: string;
  lt: string;
}

function key(...parts: string[]): string {
  return parts.join(SEPARATOR);
}

function under(...parts: string[]): KeyRange {
  const prefix = key(...parts, '');
  return { gt: prefix, lt: prefix + END };
}

/** Key builders for each kind of record. */
export const Keys = {
  pool: (poolId: string) => key('pool', poolId),
  pools: () => under('pool'),
  client: (clientId: string) => key('client', clientId),
  /** Index of a pool's clients; the value is the client ID. */
  poolClient: (poolId: string, clientId: string) => key('pool-client', poolId, clientId),
  poolClients: (poolId: string) => under('pool-client', poolId),
  /** A user, by its username as the pool compares it (lower case unless case-sensitive). */
  user: (poolId: string, usernameKey: string) => key('user', poolId, usernameKey),
  users: (poolId: string) => under('user', poolId),
  /** A sign-in alias (or username attribute) value; the value is the username key. */
  alias: (poolId: string, attribute: string, valueKey: string) => key('alias', poolId, attribute, valueKey),
  group: (poolId: string, groupName: string) => key('group', poolId, groupName),
  groups: (poolId: string) => under('group', poolId),
  /** A membership seen from the user; the value is the group name. */
  userGroup: (poolId: string, usernameKey: string, groupName: string) =>
    key('user-group', poolId, usernameKey, groupName),
  userGroups: (poolId: string, usernameKey: string) => under('user-group', poolId, usernameKey),
  /** A membership seen from the group; the value is the username key. */
  groupUser: (poolId: string, groupName: string, usernameKey: string) =>
    key('group-user', poolId, groupName, usernameKey),
  groupUsers: (poolId: string, groupName: string) => under('group-user', poolId, groupName),
  authSession: (sessionId: string) => key('auth-session', sessionId),
  authSessions: () => under('auth-session'),
  tokenSession: (originJti: string) => key('token-session', originJti),
  tokenSessions: () => under('token-session'),
  /** Index of a user's token sessions, for GlobalSignOut; the value is the origin JTI. */
  userTokenSession: (poolId: string, usernameKey: string, originJti: string) =>
    key('user-token', poolId, usernameKey, originJti),
  userTokenSessions: (poolId: string, usernameKey: string) => under('user-token', poolId, usernameKey),
} as const;
