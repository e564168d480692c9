import { describe, expect, it } from 'vitest';
import { type CoffeeEvent, EventType } from './events.js';
import { parseTopic, shopConfigTopic, shopQueueTopic, topicsFor, userOrdersTopic } from './topics.js';

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
