import { createHmac, timingSafeEqual } from 'node:crypto';
import { notAuthorized } from '../errors.js';
import type { AppClientRecord } from '../records.js';

/** `SECRET_HASH`: Base64 of HMAC-SHA256 over username + client ID, keyed by the client secret. */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}

/**
 * Checks the `SECRET_HASH` of a request to a client that has a secret; a client without one needs
 * none. Any of `usernames` (the name the caller typed, or the username it resolved to) may be
 * the one hashed.
 */
export function assertSecretHash(
  client: AppClientRecord,
  usernames: readonly string[],
  given: string | undefined,
): void {
  if (client.secret === undefined) return;
  if (given === undefined) {
    throw notAuthorized(
      `Client ${client.clientId} is configured with secret but SECRET_HASH was not received`,
    );
  }
  const secret = client.secret;
  const matches = usernames.some((username) => {
    const expected = Buffer.from(secretHash(secret, username, client.clientId));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  });
  if (!matches) throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
}

/** Checks the `ClientSecret` a token request carries, for a client that has a secret. */
export function assertClientSecret(client: AppClientRecord, given: string | undefined): void {
  if (client.secret === undefined) return;
  if (given !== client.secret) throw notAuthorized(`Unable to verify secret for client ${client.clientId}`);
}
