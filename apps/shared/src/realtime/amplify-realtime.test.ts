import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientIdOfLink, createAmplifyRealtime, mqttUrlWithToken } from './amplify-realtime';
import type { ConnectionStatus } from './realtime-connection';

describe('mqttUrlWithToken', () => {
  it('adds the ID token as the token query parameter, URL-encoded', () => {
    expect(mqttUrlWithToken('ws://127.0.0.1:3000/mqtt', 'a.b+c')).toBe(
      'ws://127.0.0.1:3000/mqtt?token=a.b%2Bc',
    );
  });

  it('connects anonymously without a token', () => {
    expect(mqttUrlWithToken('ws://127.0.0.1:3000/mqtt', undefined)).toBe('ws://127.0.0.1:3000/mqtt');
  });
});

describe('clientIdOfLink', () => {
  /** An ID token as far as the link reads it: its claims (the broker checks the signature). */
  const tokenOf = (claims: Record<string, unknown>) =>
    ['{"alg":"RS256"}', JSON.stringify(claims), 'signature']
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.');

  it('binds the client id to the signed-in user, and to nobody when signed out', () => {
    expect(clientIdOfLink(tokenOf({ sub: 'f81d4fae-7dec', token_use: 'id' }), 'tab')).toBe(
      'f81d4fae-7dec.tab',
    );
    expect(clientIdOfLink(undefined, 'tab')).toBe('anonymous.tab');
  });

  it('gives each link a nonce of its own', () => {
    const token = tokenOf({ sub: 'u1' });
    const ids = new Set(Array.from({ length: 20 }, () => clientIdOfLink(token)));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^u1\.[0-9a-f]{16}$/);
  });
});

describe('createAmplifyRealtime', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('does not connect anonymously while the ID token cannot be read: it stays offline and asks again', async () => {
    // Arrange: the session cannot be refreshed (offline)
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const idToken = vi.fn(() => Promise.reject(new Error('NetworkError')));
    const statuses: ConnectionStatus[] = [];

    // Act
    const realtime = createAmplifyRealtime(
      {
        region: 'us-east-1',
        apiUrl: 'http://127.0.0.1:1/api',
        mqttUrl: 'ws://127.0.0.1:1/mqtt',
        auth: { userPoolId: 'us-east-1_test', userPoolClientId: 'client' },
      },
      idToken,
    );
    realtime.onStatus((status) => statuses.push(status));
    await vi.advanceTimersByTimeAsync(3_500);
    realtime.close();

    // Assert: no connection was made without the token, and each retry asked for it again
    expect(statuses).toEqual(['connecting', 'offline']);
    expect(idToken.mock.calls.length).toBeGreaterThanOrEqual(3);
  });
});
