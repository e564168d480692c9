import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEMO_MENU } from './config.js';
import {
  BUS_NAME,
  type BusEvent,
  BusEventSchema,
  type CoffeeEvent,
  CoffeeEventSchema,
  EVENT_SOURCE,
  type EventType,
  eventPattern,
  isOrderEventType,
  ORDER_EVENT_TYPES,
  PublicMessageSchema,
  EventType as Type,
  toBusEntry,
  toPublicMessage,
} from './events.js';
import type { Order } from './orders.js';

const TIME = '2025-01-02T10:00:00.000Z';
const ref = { shopId: 'main', orderId: 'o-1', userId: 'u-1' };
const order: Order = { ...ref, state: 'MAKING', orderNumber: 3, createdAt: TIME, updatedAt: TIME };
const drink = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };

const SAMPLES: Record<EventType, object> = {
  [Type.NewOrder]: ref,
  [Type.WorkflowStarted]: { ...ref, taskToken: 'secret-token-1' },
  [Type.ShopUnavailable]: ref,
  [Type.CapacityFull]: ref,
  [Type.WaitingCompletion]: { ...ref, orderNumber: 7, taskToken: 'secret-token-2' },
  [Type.OrderTimedOut]: { ...ref, cause: 'barista-timeout' },
  [Type.OrderFinished]: { ...ref, state: 'READY' },
  [Type.OrderSubmitted]: { ...ref, drink, order },
  [Type.MakeOrder]: { ...ref, order },
  [Type.UnmakeOrder]: { ...ref, order },
  [Type.OrderCompleted]: { ...ref, order },
  [Type.OrderCancelled]: { ...ref, order, reason: 'out of oat milk', by: 'barista' },
  [Type.ConfigChanged]: {
    shopId: 'main',
    changes: ['open'],
    config: { shopId: 'main', name: 'Bar', open: true, menu: DEMO_MENU, limits: DEFAULT_LIMITS },
  },
};

const busEvent = (type: EventType) =>
  BusEventSchema.parse({
    version: '0',
    id: 'e-1',
    'detail-type': type,
    source: EVENT_SOURCE,
    account: '000000000000',
    time: TIME,
    region: 'us-east-1',
    resources: [],
    detail: SAMPLES[type],
  });

describe('event types', () => {
  it('are Service.Event names, one per row of the Events table', () => {
    const types = Object.values(Type);
    expect(types).toHaveLength(13);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types)
      expect(type).toMatch(/^(Validator|OrderProcessor|OrderManager|ConfigService)\.[A-Z]\w+$/);
  });

  it('name the bus and source of DESIGN', () => {
    expect([BUS_NAME, EVENT_SOURCE]).toEqual(['coffee', 'coffee.shop']);
  });

  it('order events are all but ConfigChanged', () => {
    expect(ORDER_EVENT_TYPES).toHaveLength(12);
    expect(isOrderEventType(Type.ConfigChanged)).toBe(false);
    expect(isOrderEventType(Type.MakeOrder)).toBe(true);
  });
});

describe('detail schemas', () => {
  it.each(Object.values(Type))('%s parses its sample', (type) => {
    expect(CoffeeEventSchema.parse({ type, detail: SAMPLES[type] })).toEqual({ type, detail: SAMPLES[type] });
  });

  it.each([
    ['no shopId', Type.NewOrder, { orderId: 'o-1', userId: 'u-1' }],
    ['no userId', Type.MakeOrder, { shopId: 'main', orderId: 'o-1', order }],
    ['no task token', Type.WorkflowStarted, ref],
    ['no task token', Type.WaitingCompletion, { ...ref, orderNumber: 1 }],
    ['a fractional order number', Type.WaitingCompletion, { ...ref, orderNumber: 1.5, taskToken: 't' }],
    ['an unknown cause', Type.OrderTimedOut, { ...ref, cause: 'boredom' }],
    ['no reason', Type.OrderCancelled, { ...ref, order, by: 'barista' }],
    ['an unknown canceller', Type.OrderCancelled, { ...ref, order, reason: 'x', by: 'display' }],
    ['no change named', Type.ConfigChanged, { ...SAMPLES[Type.ConfigChanged], changes: [] }],
    ['a slash in an id', Type.NewOrder, { ...ref, shopId: 'a/b' }],
  ])('refuses %s (%s)', (_, type, detail) => {
    expect(CoffeeEventSchema.safeParse({ type, detail }).success).toBe(false);
  });

  it('refuses an unknown detail-type', () => {
    expect(CoffeeEventSchema.safeParse({ type: 'Validator.Old', detail: ref }).success).toBe(false);
  });
});

describe('toPublicMessage', () => {
  it.each(Object.values(Type))('%s becomes { type, detail, time } without a task token', (type) => {
    const message = toPublicMessage(busEvent(type));

    expect(message.type).toBe(type);
    expect(message.time).toBe(TIME);
    expect(message.detail).not.toHaveProperty('taskToken');
    expect(JSON.stringify(message)).not.toContain('secret-token');
    expect(PublicMessageSchema.parse(message)).toEqual(message);
  });

  it('keeps the rest of the detail', () => {
    expect(toPublicMessage(busEvent(Type.WaitingCompletion))).toEqual({
      type: Type.WaitingCompletion,
      detail: { ...ref, orderNumber: 7 },
      time: TIME,
    });
  });

  it.each([Type.WorkflowStarted, Type.WaitingCompletion, Type.NewOrder])(
    'a public %s message holding a task token is refused',
    (type) => {
      const message = { type, detail: { ...SAMPLES[type], taskToken: 'leak' }, time: TIME };
      expect(PublicMessageSchema.safeParse(message).success).toBe(false);
    },
  );

  it('refuses an event that does not match its schema', () => {
    const event = { 'detail-type': Type.NewOrder, source: EVENT_SOURCE, time: TIME, detail: {} } as BusEvent;
    expect(() => toPublicMessage(event)).toThrow();
  });
});

describe('toBusEntry', () => {
  it('addresses the coffee bus with the detail as JSON', () => {
    const event: CoffeeEvent = { type: Type.WorkflowStarted, detail: { ...ref, taskToken: 't' } };
    expect(toBusEntry(event)).toEqual({
      EventBusName: 'coffee',
      Source: 'coffee.shop',
      DetailType: 'OrderProcessor.WorkflowStarted',
      Detail: JSON.stringify({ ...ref, taskToken: 't' }),
    });
  });

  it('refuses a detail that does not match', () => {
    const event = { type: Type.NewOrder, detail: { shopId: 'main' } } as CoffeeEvent;
    expect(() => toBusEntry(event)).toThrow();
  });
});

describe('eventPattern', () => {
  it('matches the shop source and the given types', () => {
    expect(eventPattern(Type.NewOrder)).toEqual({
      source: ['coffee.shop'],
      'detail-type': ['Validator.NewOrder'],
    });
  });
});
