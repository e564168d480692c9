import { describe, expect, it } from 'vitest';
import { checkCode, newCode, pendingCode } from './one-time-codes.js';

describe('newCode', () => {
  it.each([6, 8])('makes %i digits', (digits) => {
    for (let i = 0; i < 50; i++) expect(newCode(digits)).toMatch(new RegExp(`^\\d{${digits}}$`));
  });
});

describe('checkCode', () => {
  const pending = pendingCode('123456', 1000);

  it.each([
    ['the right code in time', '123456', 999, 'ok'],
    ['the right code with spaces around it', ' 123456 ', 999, 'ok'],
    ['a wrong code', '654321', 999, 'mismatch'],
    ['the right code too late', '123456', 1000, 'expired'],
  ])('answers %s with %s', (_case, answer, now, outcome) => {
    expect(checkCode(pending, answer, now, 3).outcome).toBe(outcome);
  });

  it('counts wrong answers and gives up at the limit', () => {
    // Act
    const first = checkCode(pending, '000000', 0, 2);
    const second = first.outcome === 'mismatch' ? checkCode(first.pending, '000000', 0, 2) : first;

    // Assert
    expect(first).toEqual({ outcome: 'mismatch', pending: { ...pending, attempts: 1 } });
    expect(second).toEqual({ outcome: 'exhausted' });
  });
});
