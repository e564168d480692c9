import { describe, expect, it } from 'vitest';
import { DEMO_MENU, type Menu } from '../../contracts/config.js';
import { EventType } from '../../contracts/events.js';
import { type Order, OrderSchema, type OrderState } from '../../contracts/orders.js';
import { type Actor, actorFor, newOrder, type OrderAction, transition } from './order-transitions.js';

const CREATED_AT = '2025-01-02T10:00:00.000Z';
const NOW = new Date('2025-01-02T10:05:00.000Z');
const OWNER = 'alice';
const LATTE = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Regular' } };

const customer: Actor = { kind: 'customer', userId: OWNER };
const stranger: Actor = { kind: 'customer', userId: 'mallory' };
const barista: Actor = { kind: 'barista', userId: 'b-1' };
const workflow: Actor = { kind: 'workflow' };

function orderIn(state: OrderState): Order {
  const base: Order = {
    orderId: 'o-1',
    shopId: 'main',
    userId: OWNER,
    state,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  };
  switch (state) {
    case 'PENDING':
    case 'CREATED':
      return base;
    case 'SUBMITTED':
    case 'MAKING':
      return { ...base, drink: LATTE };
    case 'READY':
      return { ...base, drink: LATTE, orderNumber: 7 };
    case 'CANCELLED':
      return { ...base, by: 'barista', reason: 'out of milk' };
    case 'REJECTED':
      return { ...base, reason: 'queue-full' };
  }
}

/** Each column of the matrix: an action and an actor allowed to take it. */
const COLUMNS: Record<string, [OrderAction, Actor]> = {
  admit: [{ type: 'admit' }, workflow],
  reject: [{ type: 'reject', reason: 'queue-full' }, workflow],
  submit: [
    { type: 'submit-drink', drink: { drinkId: 'latte', modifiers: { milk: 'Oat' } }, menu: DEMO_MENU },
    customer,
  ],
  number: [{ type: 'number', orderNumber: 8 }, workflow],
  make: [{ type: 'make' }, barista],
  unmake: [{ type: 'unmake' }, barista],
  complete: [{ type: 'complete' }, barista],
  'cancel(c)': [{ type: 'cancel' }, customer],
  'cancel(b)': [{ type: 'cancel', reason: 'no oat milk' }, barista],
  timeout: [{ type: 'timeout', cause: 'customer-timeout' }, workflow],
};

const X = 'invalid-transition';
const R = 'repeat';
const NR = 'not-ready';

/** DESIGN's order states: each state × action → the new state, a repeat, or the error code. */
// biome-ignore format: the matrix reads as a table
const MATRIX: Record<OrderState, string[]> = {
  //          admit      reject      submit       number       make      unmake       complete  cancel(c)    cancel(b)    timeout
  PENDING:   ['CREATED', 'REJECTED', NR,          X,           X,        X,           X,        NR,          NR,          X],
  CREATED:   [R,         X,          'SUBMITTED', X,           X,        X,           X,        'CANCELLED', 'CANCELLED', 'CANCELLED'],
  SUBMITTED: [X,         X,          R,           'SUBMITTED', 'MAKING', R,           X,        'CANCELLED', 'CANCELLED', 'CANCELLED'],
  MAKING:    [X,         X,          X,           'MAKING',    R,        'SUBMITTED', 'READY',  'CANCELLED', 'CANCELLED', 'CANCELLED'],
  READY:     [X,         X,          X,           X,           X,        X,           R,        X,           X,           X],
  CANCELLED: [X,         X,          X,           X,           X,        X,           X,        R,           R,           R],
  REJECTED:  [X,         R,          X,           X,           X,        X,           X,        X,           X,           X],
};

const EVENT_OF: Record<string, EventType | undefined> = {
  admit: undefined,
  reject: undefined,
  submit: EventType.OrderSubmitted,
  number: undefined,
  make: EventType.MakeOrder,
  unmake: EventType.UnmakeOrder,
  complete: EventType.OrderCompleted,
  'cancel(c)': EventType.OrderCancelled,
  'cancel(b)': EventType.OrderCancelled,
  timeout: EventType.OrderCancelled,
};

describe('transition: the state matrix', () => {
  const cases = Object.entries(MATRIX).flatMap(([state, row]) =>
    Object.keys(COLUMNS).map((column, index) => [state as OrderState, column, row[index] as string] as const),
  );

  it.each(cases)('%s + %s → %s', (state, column, expected) => {
    const [action, actor] = COLUMNS[column] as [OrderAction, Actor];
    const order = orderIn(state);

    const result = transition(order, action, actor, NOW);

    if (expected === R) {
      expect(result).toEqual({ ok: true, order, repeated: true, event: undefined });
      if (result.ok) expect(result.order).toBe(order);
    } else if (expected === X || expected === NR) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(expected);
    } else {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.repeated).toBe(false);
      expect(result.order.state).toBe(expected);
      expect(result.order.updatedAt).toBe(NOW.toISOString());
      expect(OrderSchema.parse(result.order)).toEqual(result.order);
      expect(result.event?.type).toBe(EVENT_OF[column]);
    }
  });

  it('leaves the order it was given untouched', () => {
    const order = orderIn('MAKING');
    const copy = structuredClone(order);
    transition(order, { type: 'complete' }, barista, NOW);
    expect(order).toEqual(copy);
  });
});

describe('transition: who may do what', () => {
  const applicable: Record<OrderAction['type'], [OrderAction, OrderState]> = {
    admit: [{ type: 'admit' }, 'PENDING'],
    reject: [{ type: 'reject', reason: 'shop-closed' }, 'PENDING'],
    'submit-drink': [{ type: 'submit-drink', drink: LATTE, menu: DEMO_MENU }, 'CREATED'],
    number: [{ type: 'number', orderNumber: 1 }, 'SUBMITTED'],
    make: [{ type: 'make' }, 'SUBMITTED'],
    unmake: [{ type: 'unmake' }, 'MAKING'],
    complete: [{ type: 'complete' }, 'MAKING'],
    cancel: [{ type: 'cancel' }, 'SUBMITTED'],
    timeout: [{ type: 'timeout', cause: 'barista-timeout' }, 'MAKING'],
  };
  const ok = 'ok';
  const F = 'forbidden';
  const NF = 'not-found';
  // biome-ignore format: the matrix reads as a table
  const WHO: [string, Actor, Record<OrderAction['type'], string>][] = [
    ['owner', customer, { admit: F, reject: F, 'submit-drink': ok, number: F, make: F, unmake: F, complete: F, cancel: ok, timeout: F }],
    ['another customer', stranger, { admit: F, reject: F, 'submit-drink': NF, number: F, make: F, unmake: F, complete: F, cancel: NF, timeout: F }],
    ['barista', barista, { admit: F, reject: F, 'submit-drink': F, number: F, make: ok, unmake: ok, complete: ok, cancel: ok, timeout: F }],
    ['workflow', workflow, { admit: ok, reject: ok, 'submit-drink': F, number: ok, make: F, unmake: F, complete: F, cancel: F, timeout: ok }],
  ];

  const cases = WHO.flatMap(([label, actor, outcomes]) =>
    Object.entries(outcomes).map(([type, outcome]) => [label, type, outcome, actor] as const),
  );

  it.each(cases)('%s, %s → %s', (_, type, outcome, actor) => {
    const [action, state] = applicable[type as OrderAction['type']];
    const result = transition(orderIn(state), action, actor, NOW);
    expect(result.ok ? ok : result.error.code).toBe(outcome);
  });

  it('checks the role before the state: a customer completing a READY order is forbidden, not a repeat', () => {
    const result = transition(orderIn('READY'), { type: 'complete' }, customer, NOW);
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
  });

  it('checks ownership before the state: another customer cancelling a cancelled order finds nothing', () => {
    const result = transition(orderIn('CANCELLED'), { type: 'cancel' }, stranger, NOW);
    expect(result.ok ? 'ok' : result.error.code).toBe('not-found');
  });
});

describe('transition: what each action records', () => {
  it.each<[string, OrderState, OrderAction, Actor, Partial<Order>]>([
    [
      'rejection reason',
      'PENDING',
      { type: 'reject', reason: 'shop-closed' },
      workflow,
      { state: 'REJECTED', reason: 'shop-closed' },
    ],
    [
      'order number',
      'MAKING',
      { type: 'number', orderNumber: 12 },
      workflow,
      { state: 'MAKING', orderNumber: 12 },
    ],
    [
      'customer cancel, no reason',
      'CREATED',
      { type: 'cancel' },
      customer,
      { by: 'customer', reason: 'customer-cancelled' },
    ],
    [
      'customer cancel, blank reason',
      'CREATED',
      { type: 'cancel', reason: '  ' },
      customer,
      { by: 'customer', reason: 'customer-cancelled' },
    ],
    [
      'barista cancel, reason',
      'MAKING',
      { type: 'cancel', reason: ' no oat milk ' },
      barista,
      { by: 'barista', reason: 'no oat milk' },
    ],
    [
      'barista cancel, no reason',
      'SUBMITTED',
      { type: 'cancel' },
      barista,
      { by: 'barista', reason: 'barista-cancelled' },
    ],
    [
      'customer timeout',
      'CREATED',
      { type: 'timeout', cause: 'customer-timeout' },
      workflow,
      { by: 'timeout', reason: 'customer-timeout' },
    ],
    [
      'barista timeout',
      'MAKING',
      { type: 'timeout', cause: 'barista-timeout' },
      workflow,
      { by: 'timeout', reason: 'barista-timeout' },
    ],
    [
      'drink with defaults filled in',
      'CREATED',
      { type: 'submit-drink', drink: { drinkId: 'mocha', modifiers: { size: 'Large' } }, menu: DEMO_MENU },
      customer,
      { state: 'SUBMITTED', drink: { drinkId: 'mocha', modifiers: { milk: 'Whole', size: 'Large' } } },
    ],
  ])('%s', (_, state, action, actor, expected) => {
    const result = transition(orderIn(state), action, actor, NOW);
    expect(result.ok && result.order).toMatchObject(expected);
  });

  it('a cancellation event carries reason, by and the order', () => {
    const result = transition(orderIn('MAKING'), { type: 'cancel', reason: 'spilt' }, barista, NOW);
    expect(result.ok && result.event).toEqual({
      type: EventType.OrderCancelled,
      detail: {
        shopId: 'main',
        orderId: 'o-1',
        userId: OWNER,
        reason: 'spilt',
        by: 'barista',
        order: result.ok ? result.order : undefined,
      },
    });
  });

  it('a submission event carries the completed drink', () => {
    const result = transition(orderIn('CREATED'), COLUMNS.submit?.[0] as OrderAction, customer, NOW);
    expect(result.ok && result.event?.type === EventType.OrderSubmitted && result.event.detail.drink).toEqual(
      LATTE,
    );
  });

  it.each<[string, OrderAction, OrderState, string]>([
    [
      'a repeated submission must be the same drink',
      { type: 'submit-drink', drink: { drinkId: 'latte', modifiers: { milk: 'Soy' } }, menu: DEMO_MENU },
      'SUBMITTED',
      'invalid-transition',
    ],
    [
      'the same drink spelt with defaults is a repeat',
      { type: 'submit-drink', drink: { drinkId: 'latte', modifiers: { milk: 'Oat' } }, menu: DEMO_MENU },
      'SUBMITTED',
      'repeat',
    ],
    [
      'another rejection reason is no repeat',
      { type: 'reject', reason: 'shop-closed' },
      'REJECTED',
      'invalid-transition',
    ],
    ['the same number again is a repeat', { type: 'number', orderNumber: 7 }, 'READY', 'repeat'],
    ['a number is never replaced', { type: 'number', orderNumber: 8 }, 'READY', 'invalid-transition'],
    [
      'a timeout after a barista cancelled is a repeat',
      { type: 'timeout', cause: 'barista-timeout' },
      'CANCELLED',
      'repeat',
    ],
  ])('%s', (_, action, state, expected) => {
    const actor = action.type === 'submit-drink' ? customer : workflow;
    const result = transition(orderIn(state), action, actor, NOW);
    expect(result.ok ? (result.repeated ? 'repeat' : result.order.state) : result.error.code).toBe(expected);
  });
});

describe('transition: the drink is checked before the state', () => {
  const menu: Menu = DEMO_MENU.map((d) => (d.id === 'mocha' ? { ...d, available: false } : d));

  it.each<[string, OrderState, string]>([
    ['tea', 'CREATED', 'drink-unknown'],
    ['mocha', 'CREATED', 'drink-unavailable'],
    ['tea', 'MAKING', 'drink-unknown'],
    ['tea', 'PENDING', 'drink-unknown'],
  ])('%s on a %s order → %s', (drinkId, state, code) => {
    const result = transition(
      orderIn(state),
      { type: 'submit-drink', drink: { drinkId, modifiers: {} }, menu },
      customer,
      NOW,
    );
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});

describe('newOrder', () => {
  it('is PENDING, created and updated now', () => {
    const order = newOrder({ orderId: 'o-9', shopId: 'main', userId: OWNER, now: NOW });
    expect(order).toEqual({
      orderId: 'o-9',
      shopId: 'main',
      userId: OWNER,
      state: 'PENDING',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(OrderSchema.parse(order)).toEqual(order);
  });
});

describe('actorFor', () => {
  it.each([
    ['anonymous', undefined, undefined],
    ['a customer', { sub: 'u', groups: [] }, { kind: 'customer', userId: 'u' }],
    ['a barista', { sub: 'b', groups: ['barista'] }, { kind: 'barista', userId: 'b' }],
    ['the display', { sub: 'd', groups: ['display'] }, undefined],
    ['barista and display', { sub: 's', groups: ['display', 'barista'] }, { kind: 'barista', userId: 's' }],
  ])('%s', (_, principal, actor) => {
    expect(actorFor(principal)).toEqual(actor);
  });
});
