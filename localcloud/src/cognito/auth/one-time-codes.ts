import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { PendingCode } from '../records.js';

/** Sign-up confirmation codes: six digits, valid for 24 hours. */
export const SIGN_UP_CODE = { digits: 6, validityMs: 24 * 60 * 60 * 1000, maxAttempts: 5 } as const;

/**
 * Sign-in codes (`EMAIL_OTP`): eight digits, valid as long as the sign-in session that asked for
 * them (the client's `AuthSessionValidity`). A few wrong answers end the session.
 */
export const SIGN_IN_CODE = { digits: 8, maxAttempts: 3 } as const;

/** A random code of `digits` decimal digits. */
export function newCode(digits: number): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

function hashOf(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** The stored form of a code just sent. */
export function pendingCode(code: string, expiresAt: number): PendingCode {
  return { hash: hashOf(code), expiresAt, attempts: 0 };
}

/**
 * The outcome of answering a code: `ok`; `expired`; `mismatch` (with the code as it now stands,
 * one attempt used); or `exhausted` when that wrong answer was the last one allowed.
 */
export type CodeCheck =
  | { outcome: 'ok' }
  | { outcome: 'expired' }
  | { outcome: 'mismatch'; pending: PendingCode }
  | { outcome: 'exhausted' };

/** Checks an answer against a pending code. */
export function checkCode(pending: PendingCode, answer: string, now: number, maxAttempts: number): CodeCheck {
  if (now >= pending.expiresAt) return { outcome: 'expired' };
  const expected = Buffer.from(pending.hash, 'hex');
  const actual = Buffer.from(hashOf(answer.trim()), 'hex');
  if (timingSafeEqual(expected, actual)) return { outcome: 'ok' };
  const attempts = pending.attempts + 1;
  return attempts >= maxAttempts
    ? { outcome: 'exhausted' }
    : { outcome: 'mismatch', pending: { ...pending, attempts } };
}
