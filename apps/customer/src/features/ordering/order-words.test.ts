import { DEMO_MENU } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { drinkText, queuePlaceText, reasonText } from './order-words';

describe('reasonText', () => {
  it.each([
    [{ reason: 'customer-timeout', by: 'timeout' as const }, 'Time ran out before a drink was chosen.'],
    [{ reason: 'queue-full' }, 'The baristas were at capacity, so the order could not be accepted.'],
    [{ reason: 'Out of oat milk', by: 'barista' as const }, 'A barista cancelled it: “Out of oat milk”'],
    [{ by: 'customer' as const }, 'You cancelled it.'],
    [
      { reason: 'order-failed' },
      'Something went wrong on our side, so this order was cancelled. Sorry! Scan the code to order again.',
    ],
    [{}, undefined],
  ])('%o → %s', (order, words) => {
    expect(reasonText(order)).toBe(words);
  });
});

describe('drinkText', () => {
  it('names the drink and its options in menu order', () => {
    expect(drinkText({ drinkId: 'latte', modifiers: { size: 'Large', milk: 'Oat' } }, DEMO_MENU)).toBe(
      'Latte · Oat · Large',
    );
  });

  it('falls back to the ids when the menu does not know the drink', () => {
    expect(drinkText({ drinkId: 'chai', modifiers: { milk: 'Oat' } }, undefined)).toBe('chai · Oat');
  });
});

describe('queuePlaceText', () => {
  it.each([
    [0, 'Yours is next.'],
    [1, '1 order before yours.'],
    [4, '4 orders before yours.'],
  ])('%i ahead: %s', (ahead, text) => {
    expect(queuePlaceText(ahead)).toBe(text);
  });
});
