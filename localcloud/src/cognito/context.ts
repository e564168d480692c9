import type { MessageSender } from '../outbox/outbox.js';
import type { SigningKeys } from './auth/signing-keys.js';
import type { AppClientRecord, UserPoolRecord } from './records.js';
import type { CognitoStore } from './store/cognito-store.js';

/** What every operation of the user-pool service works with. */
export interface CognitoContext {
  store: CognitoStore;
  /** The clock, epoch milliseconds. */
  now: () => number;
  /** Where codes and invitations go. */
  outbox: MessageSender;
  /** The region of pools created without a signed region. */
  region: string;
  /** The base of every pool's issuer URL; read on each use, as the edge's port may be known late. */
  issuerBaseUrl: () => string;
  keys: SigningKeys;
  /** Pools and clients read so far; this process is the store's only writer, so they stay true. */
  cache: {
    pools: Map<string, UserPoolRecord>;
    clients: Map<string, AppClientRecord>;
  };
}

/** A pool's issuer (`iss`): the base URL and the pool ID, as `https://cognito-idp.{region}.amazonaws.com/{id}`. */
export function issuerOf(context: CognitoContext, poolId: string): string {
  return `${context.issuerBaseUrl().replace(/\/+$/, '')}/${poolId}`;
}

/** Epoch seconds of the context's clock, as JWT claims count time. */
export function nowSeconds(context: CognitoContext): number {
  return Math.floor(context.now() / 1000);
}
