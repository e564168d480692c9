import { createHmac, timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '../../contracts/api.js';

/**
 * How long after its period ends a code is still accepted: a customer who scanned it just before
 * the display rotated it is still choosing when the period ends. 30 s covers a scan and a tap
 * without letting a photographed code live on.
 */
export const CODE_GRACE_SECONDS = 30;

/** The bytes of the HMAC kept in a token: 128 bits, plenty against guessing, short enough for a small QR code. */
const MAC_BYTES = 16;
const TOKEN_PATTERN = /^(\d{1,15})\.(\d{1,6})\.([A-Za-z0-9_-]{22})$/;

/** A QR code of a period: what the display shows and until when. */
export interface QrCode {
  /** The token the code's URL carries. */
  token: string;
  /** The period's index: whole `codeSeconds` since the Unix epoch. */
  period: number;
  /** When the period ends and the next code takes over. */
  expiresAt: Date;
}

/** A token that passed {@link checkToken}. */
export interface AcceptedToken {
  /** The period the token was issued for; its drinks are counted against this period. */
  period: number;
  /** The period length the token was issued with. */
  codeSeconds: number;
  /** The end of the token's period (not counting the grace). */
  expiresAt: Date;
}

/** The period a time falls in: the whole number of `codeSeconds` since the Unix epoch. */
export function periodOf(time: Date, codeSeconds: number): number {
  return Math.floor(time.getTime() / (codeSeconds * 1000));
}

/** When a period starts. */
export function periodStart(period: number, codeSeconds: number): Date {
  return new Date(period * codeSeconds * 1000);
}

/** When a period ends, which is when its code expires. */
export function periodEnd(period: number, codeSeconds: number): Date {
  return new Date((period + 1) * codeSeconds * 1000);
}

/**
 * The token of a shop's code for a period: `{period}.{codeSeconds}.{mac}`, `mac` being the
 * base64url HMAC-SHA256 of the shop, the period length and the period under `secret`. Carrying the
 * period and its length makes a token verifiable without storage, and keeps a code valid for its
 * own period when a barista changes `codeSeconds` (the next code then follows the new length).
 */
export function codeToken(
  shopId: string,
  period: number,
  codeSeconds: number,
  secret: string | Uint8Array,
): string {
  return `${period}.${codeSeconds}.${mac(shopId, period, codeSeconds, secret)}`;
}

/** The code a shop's display shows at `now`. */
export function currentCode(
  shopId: string,
  codeSeconds: number,
  secret: string | Uint8Array,
  now: Date,
): QrCode {
  const period = periodOf(now, codeSeconds);
  return {
    token: codeToken(shopId, period, codeSeconds, secret),
    period,
    expiresAt: periodEnd(period, codeSeconds),
  };
}

/**
 * Checks a scanned token for a shop at `now`: `token-invalid` when the shop did not issue it (bad
 * form, bad MAC, another shop's, or a period that has not begun even allowing for the grace as
 * clock skew), `token-expired` when its period ended more than the grace ago, else the period it
 * admits into.
 */
export function checkToken(
  token: string,
  check: { shopId: string; secret: string | Uint8Array; now: Date; graceSeconds?: number },
): AcceptedToken | typeof ErrorCode.TokenInvalid | typeof ErrorCode.TokenExpired {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return ErrorCode.TokenInvalid;
  const [, periodText = '', secondsText = '', given = ''] = match;
  const period = Number(periodText);
  const codeSeconds = Number(secondsText);
  if (codeSeconds <= 0) return ErrorCode.TokenInvalid;
  const expected = mac(check.shopId, period, codeSeconds, check.secret);
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return ErrorCode.TokenInvalid;

  const graceMs = (check.graceSeconds ?? CODE_GRACE_SECONDS) * 1000;
  const now = check.now.getTime();
  const expiresAt = periodEnd(period, codeSeconds);
  if (now < periodStart(period, codeSeconds).getTime() - graceMs) return ErrorCode.TokenInvalid;
  if (now >= expiresAt.getTime() + graceMs) return ErrorCode.TokenExpired;
  return { period, codeSeconds, expiresAt };
}

function mac(shopId: string, period: number, codeSeconds: number, secret: string | Uint8Array): string {
  return createHmac('sha256', secret)
    .update(`${shopId}\n${codeSeconds}\n${period}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString('base64url');
}
