import { describe, expect, it } from 'vitest';
import type { Order, OrderState } from '../../contracts/orders.js';
import { countsTowardDailyLimit, customerOrderProblem, dayKey } from './customer-limits.js';

describe('dayKey', () => {
  it.each([
    ['2025-01-02T00:00:00.000Z', 'UTC', '2025-01-02'],
    ['2025-01-02T23:59:59.999Z', 'UTC', '2025-01-02'],
    ['2025-01-02T23:30:00.000Z', 'Europe/Berlin', '2025-01-03'],
    ['2025-01-02T05:00:00.000Z', 'America/Los_Angeles', '2025-01-01'],
    ['2025-12-31T12:00:00.000Z', 'Pacific/Kiritimati', '2026-01-01'],
  ])('%s in %s is %s', (time, zone, key) => {
    expect(dayKey(new Date(time), zone)).toBe(key);
  });

  it('is UTC by default', () => {
    expect(dayKey(new Date('2025-01-02T23:30:00.000Z'))).toBe('2025-01-02');
  });
});

const NOW = new Date('2025-01-02T15:00:00.000Z');
const TODAY = '2025-01-02T09:00:00.000Z';
const YESTERDAY = '2025-01-01T20:00:00.000Z';

function order(state: OrderState, extra: Partial<Order> = {}, createdAt = TODAY): Order {
  return { orderId: 'o', shopId: 'main', userId: 'u', state, createdAt, updatedAt: createdAt, ...extra };
}

describe('countsTowardDailyLimit', () => {
  it.each<[string, Order, boolean]>([
    ['ready', order('READY'), true],
    ['open', order('MAKING'), true],
    ['pending', order('PENDING'), true],
    ['rejected', order('REJECTED', { reason: 'queue-full' }), false],
    ['cancelled by the customer', order('CANCELLED', { by: 'customer', reason: 'customer-cancelled' }), true],
    ['customer timed out', order('CANCELLED', { by: 'timeout', reason: 'customer-timeout' }), true],
    ['cancelled by a barista', order('CANCELLED', { by: 'barista', reason: 'no milk' }), false],
    ['barista timed out', order('CANCELLED', { by: 'timeout', reason: 'barista-timeout' }), false],
  ])('%s: %s', (_, o, counts) => {
    expect(countsTowardDailyLimit(o)).toBe(counts);
  });
});

describe('customerOrderProblem', () => {
  const ready = (n: number, createdAt = TODAY) =>
    Array.from({ length: n }, () => order('READY', {}, createdAt));

  it.each<[string, Order[], number, string | undefined]>([
    ['a first order', [], 5, undefined],
    ['four today', ready(4), 5, undefined],
    ['five today', ready(5), 5, 'limit-reached'],
    ['five yesterday', ready(5, YESTERDAY), 5, undefined],
    ['five today, two rejected', [...ready(3), order('REJECTED'), order('REJECTED')], 5, undefined],
    ['one today with a limit of one', ready(1), 1, 'limit-reached'],
    ['an open order', [order('SUBMITTED')], 5, 'order-open'],
    ['a pending order', [order('PENDING')], 5, 'order-open'],
    ['a created order from yesterday', [order('CREATED', {}, YESTERDAY)], 5, 'order-open'],
    ['an open order and the limit reached', [...ready(5), order('MAKING')], 5, 'order-open'],
  ])('%s → %s', (_, orders, dailyLimit, problem) => {
    expect(customerOrderProblem(orders, { now: NOW, dailyLimit })).toBe(problem);
  });

  it('counts the day in the given time zone', () => {
    const afternoonInTokyo = ready(5, '2025-01-02T07:00:00.000Z');
    const tokyoEvening = new Date('2025-01-02T14:00:00.000Z');
    expect(
      customerOrderProblem(afternoonInTokyo, { now: tokyoEvening, dailyLimit: 5, timeZone: 'Asia/Tokyo' }),
    ).toBe('limit-reached');
    expect(
      customerOrderProblem(afternoonInTokyo, {
        now: new Date('2025-01-02T15:30:00.000Z'),
        dailyLimit: 5,
        timeZone: 'Asia/Tokyo',
      }),
    ).toBeUndefined();
  });
});
