import { describe, expect, it } from 'vitest';
import {
  type CompletedOrder,
  inWindow,
  perMinute,
  quantile,
  statsPerDrink,
  waitStats,
} from './wait-stats.js';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 22, 14, minute, second)).toISOString();
const order = (drinkId: string | undefined, submitted: string, ready: string): CompletedOrder => ({
  drinkId,
  submittedAt: submitted,
  readyAt: ready,
});

describe('quantile (nearest rank)', () => {
  it.each([
    { values: [5], q: 0.9, expected: 5 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], q: 0.9, expected: 9 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], q: 0.9, expected: 10 },
    { values: [10, 20], q: 0.5, expected: 10 },
    { values: [10, 20], q: 0.9, expected: 20 },
  ])('q=$q of $values is $expected', ({ values, q, expected }) => {
    expect(quantile(values, q)).toBe(expected);
  });

  it('refuses no values', () => {
    expect(() => quantile([], 0.9)).toThrow(RangeError);
  });
});

describe('waitStats', () => {
  it('counts, averages and takes the p90, whatever the order of the values', () => {
    // Arrange
    const seconds = [300, 60, 120, 180, 240, 600, 90, 150, 210, 270];

    // Act
    const stats = waitStats(seconds);

    // Assert
    expect(stats).toEqual({ count: 10, averageSeconds: 222, p90Seconds: 300 });
  });

  it('is undefined for no orders', () => {
    expect(waitStats([])).toBeUndefined();
  });

  it('rounds to tenths of a second', () => {
    expect(waitStats([1, 2, 2])).toEqual({ count: 3, averageSeconds: 1.7, p90Seconds: 2 });
  });
});

describe('inWindow', () => {
  it('keeps the orders made ready from `from` (included) to `to` (excluded)', () => {
    const orders = [
      order('latte', at(0), at(9, 59)),
      order('latte', at(0), at(10)),
      order('latte', at(0), at(40)),
    ];
    expect(inWindow(orders, { from: new Date(at(10)), to: new Date(at(40)) })).toEqual([orders[1]]);
  });
});

describe('statsPerDrink', () => {
  it('groups by drink, the most ordered first, skipping orders without a drink', () => {
    // Arrange
    const orders = [
      order('latte', at(0), at(2)),
      order('espresso', at(0), at(1)),
      order('latte', at(1), at(5)),
      order(undefined, at(0), at(1)),
    ];

    // Act
    const stats = statsPerDrink(orders);

    // Assert
    expect(stats).toEqual([
      { drinkId: 'latte', count: 2, averageSeconds: 180, p90Seconds: 240 },
      { drinkId: 'espresso', count: 1, averageSeconds: 60, p90Seconds: 60 },
    ]);
  });

  it('never counts a negative wait', () => {
    expect(statsPerDrink([order('latte', at(5), at(4))])[0]?.averageSeconds).toBe(0);
  });
});

describe('perMinute', () => {
  it('buckets placed and ready orders by minute across the window, oldest first', () => {
    // Arrange
    const window = { from: new Date(at(10, 30)), to: new Date(at(13)) };
    const placed = [at(10, 40), at(11, 5), at(11, 59), at(9)];
    const completed = [order('latte', at(8), at(11, 10)), order('latte', at(10), at(11, 20))];

    // Act
    const minutes = perMinute(window, placed, completed);

    // Assert
    expect(minutes).toEqual([
      { minute: at(10), placed: 1, ready: 0 },
      { minute: at(11), placed: 2, ready: 2, averageSeconds: 135 },
      { minute: at(12), placed: 0, ready: 0 },
    ]);
  });
});
