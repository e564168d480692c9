import type { QrCodeResponse } from '@coffee/backend/contracts';

/**
 * What the QR panel shows: nothing yet, the code with what it still admits and the time to the
 * next one, a friendly "used up" with when new orders open, or a short pause while the code rotates.
 */
export type QrView =
  | { kind: 'loading' }
  | { kind: 'code'; url: string; remaining: number; msLeft: number }
  | { kind: 'used-up'; opensAt: number; msLeft: number }
  | { kind: 'rotating' };

/** How long after a code's `expiresAt` the display asks for the next one (the server's clock may be a little behind). */
export const REFRESH_MARGIN_MS = 500;

/** How soon to ask again when the code answered has already expired by this display's clock. */
export const RETRY_EXPIRED_MS = 2000;

/** The QR panel's view of the current code at `now`. */
export function qrView(qr: QrCodeResponse | undefined, now: number): QrView {
  if (!qr) return { kind: 'loading' };
  const expiresAt = Date.parse(qr.expiresAt);
  const msLeft = expiresAt - now;
  if (msLeft <= 0) return { kind: 'rotating' };
  if (qr.remaining <= 0) return { kind: 'used-up', opensAt: expiresAt, msLeft };
  return { kind: 'code', url: qr.url, remaining: qr.remaining, msLeft };
}

/** How long until the display should fetch the next code: just after this one expires. */
export function msUntilRefresh(qr: QrCodeResponse, now: number): number {
  const msLeft = Date.parse(qr.expiresAt) - now;
  return msLeft > 0 ? msLeft + REFRESH_MARGIN_MS : RETRY_EXPIRED_MS;
}

/**
 * The code after a customer took a drink from it (`Validator.NewOrder`), shown at once while the
 * display asks the server for the exact count.
 */
export function takeDrink(qr: QrCodeResponse): QrCodeResponse {
  return { ...qr, remaining: Math.max(0, qr.remaining - 1) };
}

/** `m:ss` for a countdown (never negative). */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A clock time for a person, e.g. `10:35`, in the display's locale and time zone. */
export function formatClockTime(epochMs: number, locale?: string): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
