import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MqttAuthorizer } from '../../src/iot/index.js';
import {
  closed,
  recordingLogger,
  settle,
  startBroker,
  subscribeCodes,
  type TestBroker,
  waitFor,
} from './harness.js';

/** Who a token stands for, as an application's identity provider would say. */
interface Principal {
  userId: string;
  groups: string[];
  expiresAt?: Date;
}

const TOKENS: Record<string, Principal> = {
  'token-alice': { userId: 'alice', groups: [] },
  'token-bob': { userId: 'bob', groups: [] },
  'token-staff': { userId: 'sam', groups: ['staff'] },
  'token-alice-expiring': { userId: 'alice', groups: [], expiresAt: new Date(Date.now() + 60 * 60_000) },
};

/** SUBACK failure (MQTT 3.1.1, section 3.9.3). */
const SUBACK_FAILURE = 0x80;

/**
 * A small application policy: anyone reads `public/...`, staff read `rooms/{room}/events`, a user
 * reads and writes only `users/{self}/...`; any other filter, wildcards across users included,
 * is refused.
 */
const authorizer: MqttAuthorizer<Principal> = {
  async authenticate({ token, username }) {
    if (username === 'blocked') return false;
    if (token === undefined) return undefined;
    const principal = TOKENS[token];
    if (!principal) throw new Error('invalid token');
    return principal;
  },
  authorizeSubscribe(principal, filter) {
    const [first, second, third] = filter.split('/');
    if (first === 'public') return true;
    if (!principal) return false;
    if (first === 'rooms') return principal.groups.includes('staff') && second !== '#' && third === 'events';
    return first === 'users' && second === principal.userId;
  },
  authorizePublish(principal, topic) {
    return principal !== undefined && topic.startsWith(`users/${principal.userId}/`);
  },
  connectionEndsAt: (principal) => principal.expiresAt,
};

let t: TestBroker<Principal>;
let logger: ReturnType<typeof recordingLogger>;
beforeEach(async () => {
  logger = recordingLogger();
  t = await startBroker({ authorizer, logger });
});
afterEach(async () => {
  await t.stop();
});

describe('connect', () => {
  it('accepts an anonymous client and keeps no principal for it', async () => {
    const { client } = await t.connect('anon-1');
    expect(client.connected).toBe(true);
    expect(t.broker.principalOf('anon-1')).toBeUndefined();
  });

  it('keeps the principal the token stands for, per client', async () => {
    await t.connect('alice-phone', { token: 'token-alice' });
    await t.connect('staff-tablet', { token: 'token-staff' });
    expect(t.broker.principalOf('alice-phone')).toEqual(TOKENS['token-alice']);
    expect(t.broker.principalOf('staff-tablet')).toEqual(TOKENS['token-staff']);
  });

  it('refuses a client whose token the authorizer rejects, with CONNACK "not authorized"', async () => {
    await expect(t.connect('mallory', { token: 'forged' })).rejects.toMatchObject({ code: 5 });
    expect(logger.lines.join('\n')).toMatch(/mallory refused: invalid token/);
  });

  it('refuses a client the authorizer answers false for', async () => {
    await expect(t.connect('blocked-1', { username: 'blocked' })).rejects.toMatchObject({ code: 5 });
  });
});

describe('a connection whose credentials expire', () => {
  it('is closed when they do, and no other is', async () => {
    const expiring = TOKENS['token-alice-expiring'] as Principal;
    expiring.expiresAt = new Date(Date.now() + 400);
    const { client } = await t.connect('alice-phone', { token: 'token-alice-expiring' });
    const lasting = await t.connect('alice-laptop', { token: 'token-alice' });
    const anonymous = await t.connect('passer-by');
    await subscribeCodes(client, ['users/alice/inbox']);

    await closed(client);
    await settle();

    expect(Date.now()).toBeGreaterThanOrEqual(expiring.expiresAt.getTime());
    expect(lasting.client.connected).toBe(true);
    expect(anonymous.client.connected).toBe(true);
    expect(logger.lines.join('\n')).toMatch(/connection of alice-phone closed: its credentials expired/);
  });

  it('is refused with CONNACK "not authorized" when they expired before it was accepted', async () => {
    (TOKENS['token-alice-expiring'] as Principal).expiresAt = new Date(Date.now() - 1000);

    await expect(t.connect('alice-phone', { token: 'token-alice-expiring' })).rejects.toMatchObject({
      code: 5,
    });
  });
});

describe('subscribe', () => {
  it.each([
    { who: 'anonymous', token: undefined, filter: 'public/news', code: 1 },
    { who: 'anonymous', token: undefined, filter: 'rooms/lobby/events', code: SUBACK_FAILURE },
    { who: 'anonymous', token: undefined, filter: 'users/alice/inbox', code: SUBACK_FAILURE },
    { who: 'anonymous', token: undefined, filter: '#', code: SUBACK_FAILURE },
    { who: 'alice', token: 'token-alice', filter: 'users/alice/inbox', code: 1 },
    { who: 'alice', token: 'token-alice', filter: 'users/bob/inbox', code: SUBACK_FAILURE },
    { who: 'alice', token: 'token-alice', filter: 'users/+/inbox', code: SUBACK_FAILURE },
    { who: 'alice', token: 'token-alice', filter: 'rooms/lobby/events', code: SUBACK_FAILURE },
    { who: 'staff', token: 'token-staff', filter: 'rooms/lobby/events', code: 1 },
    { who: 'staff', token: 'token-staff', filter: 'rooms/+/events', code: 1 },
    { who: 'staff', token: 'token-staff', filter: 'rooms/#', code: SUBACK_FAILURE },
  ])('$who subscribing to $filter gets SUBACK code $code', async ({ token, filter, code }) => {
    const { client } = await t.connect('subscriber', token === undefined ? {} : { token });
    expect(await subscribeCodes(client, [filter])).toEqual([code]);
  });

  it('keeps the session up after a refusal and grants each filter of a SUBSCRIBE on its own', async () => {
    const { client, messages } = await t.connect('anon-2');
    expect(await subscribeCodes(client, ['users/alice/inbox', 'public/news'])).toEqual([SUBACK_FAILURE, 1]);

    await t.broker.publish('users/alice/inbox', 'private', 1);
    await t.broker.publish('public/news', 'hello', 1);

    await waitFor(messages, 1);
    await settle();
    expect(client.connected).toBe(true);
    expect(messages).toEqual([{ topic: 'public/news', text: 'hello' }]);
  });

  it('asks again when a persistent session resumes, and forwards nothing queued beyond the new grant', async () => {
    const alice = await t.connect('shared-id', { token: 'token-alice', clean: false });
    expect(await subscribeCodes(alice.client, ['users/alice/inbox', 'public/news'])).toEqual([1, 1]);
    await alice.client.endAsync();
    await t.broker.publish('users/alice/inbox', 'for alice only', 1);
    await t.broker.publish('public/news', 'for everyone', 1);

    // Someone else resumes the session under the same client id without alice's token.
    const other = await t.connect('shared-id', { clean: false });
    await waitFor(other.messages, 1);
    await t.broker.publish('users/alice/inbox', 'still for alice only', 1);
    await settle();

    expect(other.messages).toEqual([{ topic: 'public/news', text: 'for everyone' }]);
  });
});

describe('publish by clients', () => {
  it('lets a client publish where the authorizer allows', async () => {
    const listener = await t.connect('alice-listener', { token: 'token-alice' });
    await listener.client.subscribeAsync('users/alice/#', { qos: 1 });
    const { client } = await t.connect('alice-device', { token: 'token-alice' });

    await client.publishAsync('users/alice/status', '{"online":true}', { qos: 1 });

    expect(await waitFor(listener.messages, 1)).toEqual([
      { topic: 'users/alice/status', text: '{"online":true}' },
    ]);
  });

  it.each([
    { who: 'alice', token: 'token-alice', topic: 'users/bob/status' },
    { who: 'anonymous', token: undefined, topic: 'public/news' },
  ])('disconnects $who publishing to $topic, and delivers nothing', async ({ token, topic }) => {
    const listener = await t.connect('listener', { token: 'token-staff' });
    await listener.client.subscribeAsync('public/#');
    const { client } = await t.connect('publisher', token === undefined ? {} : { token });
    const gone = closed(client);

    client.publish(topic, 'spoofed', { qos: 0 });

    await gone;
    await settle();
    expect(listener.messages).toEqual([]);
    expect(logger.lines.join('\n')).toMatch(new RegExp(`publish of publisher to ${topic} refused`));
  });

  it('refuses client publishes altogether when the authorizer has no authorizePublish', async () => {
    await t.stop();
    const { authorizePublish: _omitted, ...subscribeOnly } = authorizer;
    t = await startBroker({ authorizer: subscribeOnly, logger });
    const { client } = await t.connect('alice-device', { token: 'token-alice' });
    const gone = closed(client);

    client.publish('users/alice/status', 'x');

    await gone;
    expect(logger.lines.join('\n')).toMatch(/clients may not publish/);
  });
});
