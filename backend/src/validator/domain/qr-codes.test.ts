import { describe, expect, it } from 'vitest';
import {
  CODE_GRACE_SECONDS,
  checkToken,
  codeToken,
  currentCode,
  periodEnd,
  periodOf,
  periodStart,
} from './qr-codes.js';

const SECRET = 'test-secret';
const SHOP = 'main';
const CODE_SECONDS = 300;
/** The start of a 300 s period. */
const T0 = Date.UTC(2025, 0, 2, 10, 0, 0);
const at = (ms: number) => new Date(T0 + ms);

describe('periods', () => {
  it.each([
    [0, 300, 0],
    [299_999, 300, 0],
    [300_000, 300, 1],
    [T0, 300, T0 / 300_000],
    [T0 + 59_999, 60, T0 / 60_000],
    [T0 + 60_000, 60, T0 / 60_000 + 1],
  ])('time %i with %i s codes is period %i', (time, seconds, period) => {
    expect(periodOf(new Date(time), seconds)).toBe(period);
  });

  it('a period starts where the previous ends', () => {
    const period = periodOf(at(0), CODE_SECONDS);
    expect(periodStart(period, CODE_SECONDS).getTime()).toBe(T0);
    expect(periodEnd(period, CODE_SECONDS).getTime()).toBe(T0 + 300_000);
    expect(periodEnd(period - 1, CODE_SECONDS)).toEqual(periodStart(period, CODE_SECONDS));
  });

  it('the grace period is 30 s', () => {
    expect(CODE_GRACE_SECONDS).toBe(30);
  });
});

describe('currentCode', () => {
  it.each([0, 1, 150_000, 299_999])('is the same code throughout the period (+%i ms)', (offset) => {
    expect(currentCode(SHOP, CODE_SECONDS, SECRET, at(offset))).toEqual(
      currentCode(SHOP, CODE_SECONDS, SECRET, at(0)),
    );
  });

  it('rotates at the end of the period, which is when it expires', () => {
    const code = currentCode(SHOP, CODE_SECONDS, SECRET, at(0));
    const next = currentCode(SHOP, CODE_SECONDS, SECRET, at(300_000));
    expect(code.expiresAt.getTime()).toBe(T0 + 300_000);
    expect(next.period).toBe(code.period + 1);
    expect(next.token).not.toBe(code.token);
  });

  it('is URL-safe and deterministic', () => {
    const { token, period } = currentCode(SHOP, CODE_SECONDS, SECRET, at(0));
    expect(token).toMatch(/^[0-9]+\.300\.[A-Za-z0-9_-]{22}$/);
    expect(token).toBe(codeToken(SHOP, period, CODE_SECONDS, SECRET));
  });
});

describe('checkToken', () => {
  const code = currentCode(SHOP, CODE_SECONDS, SECRET, at(0));
  const accepted = { period: code.period, codeSeconds: CODE_SECONDS, expiresAt: code.expiresAt };
  const check = (token: string, offset: number, over: { shopId?: string; secret?: string } = {}) =>
    checkToken(token, { shopId: over.shopId ?? SHOP, secret: over.secret ?? SECRET, now: at(offset) });
  const [period = '', seconds = '', mac = ''] = code.token.split('.');

  it.each<[string, string, number, object | string]>([
    ['at the start of its period', code.token, 0, accepted],
    ['in the middle', code.token, 150_000, accepted],
    ['at the last millisecond', code.token, 299_999, accepted],
    ['just after rotation, in the grace', code.token, 300_000, accepted],
    ['at the end of the grace', code.token, 329_999, accepted],
    ['after the grace', code.token, 330_000, 'token-expired'],
    ['a day later', code.token, 86_400_000, 'token-expired'],
    ['slightly before its period (clock skew)', code.token, -29_999, accepted],
    ['long before its period', code.token, -30_001, 'token-invalid'],
    ['with a forged MAC', `${period}.${seconds}.${'A'.repeat(22)}`, 0, 'token-invalid'],
    ['with another period', `${Number(period) + 1}.${seconds}.${mac}`, 0, 'token-invalid'],
    ['with another length', `${period}.60.${mac}`, 0, 'token-invalid'],
    ['with a zero length', `${period}.0.${mac}`, 0, 'token-invalid'],
    ['truncated', code.token.slice(0, -1), 0, 'token-invalid'],
    ['empty', '', 0, 'token-invalid'],
    ['garbage', 'not a token', 0, 'token-invalid'],
  ])('%s', (_, token, offset, expected) => {
    expect(check(token, offset)).toEqual(expected);
  });

  it.each([
    ['of another shop', { shopId: 'other' }],
    ['signed with another secret', { secret: 'other-secret' }],
  ])('refuses a token %s', (_, over) => {
    expect(check(code.token, 0, over)).toBe('token-invalid');
  });

  it('keeps a code valid for its own period after codeSeconds changes', () => {
    const old = currentCode(SHOP, 600, SECRET, at(0));
    expect(checkToken(old.token, { shopId: SHOP, secret: SECRET, now: at(500_000) })).toEqual({
      period: old.period,
      codeSeconds: 600,
      expiresAt: old.expiresAt,
    });
  });

  it('honours a custom grace', () => {
    expect(checkToken(code.token, { shopId: SHOP, secret: SECRET, now: at(300_000), graceSeconds: 0 })).toBe(
      'token-expired',
    );
  });
});
