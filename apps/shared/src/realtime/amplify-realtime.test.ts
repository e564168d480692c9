import { describe, expect, it } from 'vitest';
import { mqttUrlWithToken } from './amplify-realtime';

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
