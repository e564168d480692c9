import { describe, expect, it } from 'vitest';
import { type CoffeeEvent, EventType } from './events.js';
import type { Principal } from './roles.js';
import {
  canPublish,
  canSubscribe,
  parseTopic,
  shopConfigTopic,
  shopQueueTopic,
  topicsFor,
  userOrdersTopic,
} from './topics.js';

describe('topic builders', () => {
  it.each([
    [shopQueueTopic, 'main', 'shops/main/queue'],
    [shopConfigTopic, 'main', 'shops/main/config'],
    [
      userOrdersTopic,
      '3f1c9a2e-0b7d-4c55-9e2a-1d2f3a4b5c6d',
      'users/3f1c9a2e-0b7d-4c55-9e2a-1d2f3a4b5c6d/orders',
    ],
  ])('%o(%s) is %s', (build, id, topic) => {
    expect(build(id)).toBe(topic);
  });

  it.each(['', '+', '#', 'a/b', 'a b', '-x', '$sys'])('refuses the id %j', (id) => {
    expect(() => shopQueueTopic(id)).toThrow();
    expect(() => userOrdersTopic(id)).toThrow();
  });
});

describe('parseTopic', () => {
  it.each([
    ['shops/main/queue', { kind: 'shop-queue', shopId: 'main' }],
    ['shops/main/config', { kind: 'shop-config', shopId: 'main' }],
    ['users/u-1/orders', { kind: 'user-orders', userId: 'u-1' }],
    ['shops/main/orders', undefined],
    ['users/u-1/queue', undefined],
    ['shops/main', undefined],
    ['shops/main/queue/extra', undefined],
    ['/shops/main/queue', undefined],
    ['shops//queue', undefined],
    ['shops/+/queue', undefined],
    ['shops/main/#', undefined],
    ['$aws/things/x', undefined],
    ['', undefined],
  ])('%j', (topic, parsed) => {
    expect(parseTopic(topic)).toEqual(parsed);
  });

  it.each([shopQueueTopic, shopConfigTopic, userOrdersTopic])('reads back what %o builds', (build) => {
    const parsed = parseTopic(build('abc'));
    expect(parsed && ('shopId' in parsed ? parsed.shopId : parsed.userId)).toBe('abc');
  });
});

const ANON = undefined;
const ALICE: Principal = { sub: 'alice', groups: [] };
const BARISTA: Principal = { sub: 'b-1', groups: ['barista'] };
const DISPLAY: Principal = { sub: 'd-1', groups: ['display'] };
const BOTH: Principal = { sub: 's-1', groups: ['display', 'barista'] };
const OTHER_GROUP: Principal = { sub: 'alice', groups: ['admins'] };

type Who = [string, Principal | undefined];
const WHO: Who[] = [
  ['anonymous', ANON],
  ['customer alice', ALICE],
  ['barista', BARISTA],
  ['display', DISPLAY],
  ['barista+display', BOTH],
  ['alice in an unrelated group', OTHER_GROUP],
];

/** Topic filter → who may subscribe (by the labels of WHO). DESIGN's MQTT table, row by row. */
const MATRIX: [string, string[]][] = [
  [
    'shops/main/config',
    ['anonymous', 'customer alice', 'barista', 'display', 'barista+display', 'alice in an unrelated group'],
  ],
  [
    'shops/other/config',
    ['anonymous', 'customer alice', 'barista', 'display', 'barista+display', 'alice in an unrelated group'],
  ],
  ['shops/main/queue', ['barista', 'display', 'barista+display']],
  ['shops/other/queue', ['barista', 'display', 'barista+display']],
  ['users/alice/orders', ['customer alice', 'alice in an unrelated group']],
  ['users/bob/orders', []],
  ['users/b-1/orders', []],
  ['users/d-1/orders', []],
  // Wildcards and anything that is not exactly a shop topic: nobody.
  ['#', []],
  ['+/+/+', []],
  ['shops/#', []],
  ['shops/+/config', []],
  ['shops/+/queue', []],
  ['shops/main/+', []],
  ['shops/main/#', []],
  ['users/+/orders', []],
  ['users/#', []],
  ['users/alice/+', []],
  ['users/alice/#', []],
  ['users/ali+/orders', []],
  ['shops/main/config/#', []],
  ['shops/main', []],
  ['shops//config', []],
  ['', []],
  ['$aws/events/#', []],
  ['$SYS/broker/clients', []],
];

describe('canSubscribe', () => {
  const cases = MATRIX.flatMap(([filter, allowed]) =>
    WHO.map(([label, principal]) => [label, filter, principal, allowed.includes(label)] as const),
  );

  it.each(cases)('%s → %j: %s', (_, filter, principal, allowed) => {
    expect(canSubscribe(principal, filter)).toBe(allowed);
  });
});

describe('canPublish', () => {
  const topics = ['shops/main/config', 'shops/main/queue', 'users/alice/orders', 'anything'];
  it.each(WHO.flatMap(([label, principal]) => topics.map((topic) => [label, topic, principal] as const)))(
    '%s may not publish to %s',
    (_, topic, principal) => {
      expect(canPublish(principal, topic)).toBe(false);
    },
  );
});

describe('topicsFor', () => {
  const ref = { shopId: 'main', orderId: 'o-1', userId: 'alice' };
  const TIME = '2025-01-02T10:00:00.000Z';
  const order = { ...ref, state: 'READY', createdAt: TIME, updatedAt: TIME } as const;

  it.each<[string, CoffeeEvent, string[]]>([
    [
      'an order event',
      { type: EventType.OrderCompleted, detail: { ...ref, order } },
      ['shops/main/queue', 'users/alice/orders'],
    ],
    [
      'a workflow event',
      { type: EventType.CapacityFull, detail: ref },
      ['shops/main/queue', 'users/alice/orders'],
    ],
    [
      'ConfigChanged',
      {
        type: EventType.ConfigChanged,
        detail: {
          shopId: 'main',
          changes: ['open'],
          config: {
            shopId: 'main',
            name: 'Bar',
            open: true,
            menu: [],
            limits: {
              drinksPerCode: 1,
              codeSeconds: 60,
              capacity: 1,
              dailyLimit: 1,
              customerTimeoutSeconds: 60,
              baristaTimeoutSeconds: 60,
            },
          },
        },
      },
      ['shops/main/config'],
    ],
  ])('%s', (_, event, topics) => {
    expect(topicsFor(event)).toEqual(topics);
  });
});
