import { NOW } from '@coffee/app-shared/testing';
import type { QrCodeResponse } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import {
  formatCountdown,
  msUntilRefresh,
  qrView,
  REFRESH_MARGIN_MS,
  RETRY_EXPIRED_MS,
  takeDrink,
} from './qr-state';

function aCode(secondsLeft: number, remaining: number): QrCodeResponse {
  return {
    token: 't1',
    url: 'http://127.0.0.1:3000/order?shop=main&token=t1',
    expiresAt: new Date(NOW + secondsLeft * 1000).toISOString(),
    remaining,
  };
}

describe('qrView', () => {
  it.each([
    ['no code yet', undefined, { kind: 'loading' }],
    [
      'a code with drinks left',
      aCode(90, 4),
      { kind: 'code', url: 'http://127.0.0.1:3000/order?shop=main&token=t1', remaining: 4, msLeft: 90_000 },
    ],
    ['a used-up code', aCode(90, 0), { kind: 'used-up', opensAt: NOW + 90_000, msLeft: 90_000 }],
    ['an expired code', aCode(0, 4), { kind: 'rotating' }],
    ['an expired, used-up code', aCode(-3, 0), { kind: 'rotating' }],
  ] as const)('%s', (_, qr, view) => {
    expect(qrView(qr, NOW)).toEqual(view);
  });
});

describe('msUntilRefresh', () => {
  it('fetches the next code just after this one expires', () => {
    expect(msUntilRefresh(aCode(90, 4), NOW)).toBe(90_000 + REFRESH_MARGIN_MS);
  });

  it('retries shortly when the code answered has already expired by this clock', () => {
    expect(msUntilRefresh(aCode(-1, 4), NOW)).toBe(RETRY_EXPIRED_MS);
  });
});

describe('takeDrink', () => {
  it('counts down one drink, never below zero', () => {
    expect(takeDrink(aCode(90, 2)).remaining).toBe(1);
    expect(takeDrink(aCode(90, 0)).remaining).toBe(0);
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [-1000, '0:00'],
    [1, '0:01'],
    [90_000, '1:30'],
    [299_500, '5:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
