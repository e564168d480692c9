import type { StoreOp } from '../../store/group-commit.js';
import { deleteTokenSessionOps } from '../auth/token-sessions.js';
import type { CognitoContext } from '../context.js';
import { findUserPool } from '../pools/user-pools.js';
import type { AuthSessionRecord, TokenSessionRecord } from '../records.js';
import { del } from './cognito-store.js';
import { Keys } from './keys.js';

/**
 * Deletes sign-in sessions and token sessions that have expired, so the store does not grow with
 * abandoned sign-ins. Run at open; an expired record is refused on use anyway.
 */
export async function sweepExpired(context: CognitoContext): Promise<void> {
  const now = context.now();
  const ops: StoreOp[] = [];
  for (const { key, value } of await context.store.scan<AuthSessionRecord>(Keys.authSessions())) {
    if (value.expiresAt <= now) ops.push(del(key));
  }
  for (const { value } of await context.store.scan<TokenSessionRecord>(Keys.tokenSessions())) {
    if (value.expiresAt > now) continue;
    const pool = await findUserPool(context, value.poolId);
    ops.push(...(pool ? deleteTokenSessionOps(pool, value) : [del(Keys.tokenSession(value.originJti))]));
  }
  await context.store.write(ops);
}
