import { ago, anOrder } from '@coffee/app-shared/testing';
import { OrderState } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { ageLevel, ageSince, formatDuration, spokenDuration } from './age';

const MINUTE = 60_000;

describe('ageLevel', () => {
  it.each([
    [0, 900, 'fresh'],
    [4 * MINUTE + 59_000, 900, 'fresh'],
    [5 * MINUTE, 900, 'waiting'],
    [9 * MINUTE + 59_000, 900, 'waiting'],
    [10 * MINUTE, 900, 'late'],
    [30 * MINUTE, 900, 'late'],
    [2 * MINUTE, 300, 'waiting'],
  ] as const)('an order waiting %i ms with a %i s timeout is %s', (age, timeout, level) => {
    expect(ageLevel(age, timeout)).toBe(level);
  });
});

describe('ageSince', () => {
  it('counts an open order from when the customer scanned, whatever happened since', () => {
    const order = anOrder({ state: OrderState.Making, createdAt: ago(300), updatedAt: ago(10) });
    expect(ageSince(order)).toBe(Date.parse(ago(300)));
  });

  it('counts a ready order from when it became ready', () => {
    const order = anOrder({ state: OrderState.Ready, createdAt: ago(300), updatedAt: ago(10) });
    expect(ageSince(order)).toBe(Date.parse(ago(10)));
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [59_999, '0:59'],
    [61_000, '1:01'],
    [3_600_000, '60:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('spokenDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1000, '1 second'],
    [60_000, '1 minute'],
    [125_000, '2 minutes 5 seconds'],
  ])('%i ms reads "%s"', (ms, text) => {
    expect(spokenDuration(ms)).toBe(text);
  });
});
