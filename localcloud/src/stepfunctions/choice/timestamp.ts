/**
 * Timestamps as the States Language compares them: the RFC3339 profile of ISO 8601, with an
 * uppercase `T` between date and time and an uppercase `Z` when no numeric offset is given.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */

/** A parsed timestamp: whole seconds since the epoch and the fractional digits after them. */
export interface Timestamp {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  readonly epochSeconds: number;
  /** The fractional-second digits, without trailing zeros ("5" for `.500`). */
  readonly fraction: string;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Parses an ASL timestamp, or returns `undefined` when the text is not one. */
export function parseTimestamp(text: string): Timestamp | undefined {
  const match = RFC3339.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [, , , , , , , fraction = '', sign, offsetHour = '0', offsetMinute = '0'] = match;
  // RFC3339 allows second 60 for a leap second; the Date arithmetic below rolls it over.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  if (Number(offsetHour) > 23 || Number(offsetMinute) > 59) return undefined;

  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const offsetSeconds = (Number(offsetHour) * 60 + Number(offsetMinute)) * 60;
  const epochSeconds = date.getTime() / 1000 - (sign === '-' ? -offsetSeconds : offsetSeconds);
  return { epochSeconds, fraction: fraction.replace(/0+$/, '') };
}

/** Whether a value is a string holding an ASL timestamp. */
export function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && parseTimestamp(value) !== undefined;
}

/** Orders two timestamps by the instant they denote: negative, zero or positive. */
export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  if (a.epochSeconds !== b.epochSeconds) return a.epochSeconds < b.epochSeconds ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const left = a.fraction.padEnd(width, '0');
  const right = b.fraction.padEnd(width, '0');
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
