import type { CognitoContext } from '../context.js';
import { invalidParameter } from '../errors.js';
import type { UserPoolRecord, UserRecord } from '../records.js';
import { Keys } from '../store/keys.js';

/** A ListUsers filter: `attribute = "value"` (exact) or `attribute ^= "value"` (prefix). */
export interface UserFilter {
  attribute: string;
  prefix: boolean;
  value: string;
}

/** How many users one read of the store takes while filtering. */
const SCAN_BATCH = 100;

/** The attributes ListUsers can filter on. */
const FILTERABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

/** Parses a ListUsers `Filter`; an empty filter is none. */
export function parseUserFilter(text: string | undefined): UserFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const match = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(text);
  if (!match || !FILTERABLE.has(match[1] as string)) throw invalidParameter('Error while parsing filter.');
  return {
    attribute: match[1] as string,
    prefix: match[2] === '^=',
    value: (match[3] as string).replace(/\\(.)/g, '$1'),
  };
}

function filteredValue(user: UserRecord, attribute: string): string | undefined {
  if (attribute === 'username') return user.username;
  if (attribute === 'cognito:user_status') return user.status;
  if (attribute === 'status') return user.enabled ? 'Enabled' : 'Disabled';
  return user.attributes[attribute];
}

function matches(user: UserRecord, filter: UserFilter): boolean {
  const value = filteredValue(user, filter.attribute);
  if (value === undefined) return false;
  return filter.prefix ? value.startsWith(filter.value) : value === filter.value;
}

/** ListUsers: users in username order matching the filter, one page. */
export async function listUsers(
  context: CognitoContext,
  pool: UserPoolRecord,
  page: { limit: number; after?: string; filter?: UserFilter },
): Promise<{ users: UserRecord[]; lastKey?: string }> {
  const users: UserRecord[] = [];
  let cursor = page.after;
  let lastKey: string | undefined;
  for (;;) {
    const batch = await context.store.scan<UserRecord>(Keys.users(pool.id), {
      limit: SCAN_BATCH,
      ...(cursor !== undefined && { after: cursor }),
    });
    for (const entry of batch) {
      if (page.filter && !matches(entry.value, page.filter)) continue;
      if (users.length === page.limit) return { users, ...(lastKey !== undefined && { lastKey }) };
      users.push(entry.value);
      lastKey = entry.key;
    }
    if (batch.length < SCAN_BATCH) return { users };
    cursor = batch[batch.length - 1]?.key;
  }
}
