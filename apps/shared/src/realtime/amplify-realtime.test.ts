import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAmplifyRealtime, mqttUrlWithToken } from './amplify-realtime';
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
