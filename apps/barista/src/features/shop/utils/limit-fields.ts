import {
  LIMIT_BOUNDS,
  type LimitName,
  type Limits,
  type UpdateLimitsRequest,
} from '@coffee/backend/contracts';

/** The unit a barista gives a time limit in; the API takes seconds. */
export type DurationUnit = 'seconds' | 'minutes';

/** How a limit reads on the tablet: its label, what it does, and whether it is a count or a time. */
export interface LimitField {
  label: string;
  /** What the limit does, in a sentence, before its bounds. */
  hint: string;
  /** A time is given in seconds or minutes and sent in seconds. */
  kind: 'count' | 'time';
}

/** Every limit of the shop config in the words of a barista, in the order the form shows them. */
export const LIMIT_FIELDS: Record<LimitName, LimitField> = {
  drinksPerCode: {
    label: 'Drinks per QR code',
    hint: 'How many orders one QR code lets in; then the screen waits for the next code.',
    kind: 'count',
  },
  codeSeconds: {
    label: 'QR code lasts',
    hint: 'How long each QR code on the screen stays before the next one.',
    kind: 'time',
  },
  capacity: {
    label: 'Open orders the queue takes',
    hint: 'Orders being chosen, new and being made, together; further customers are asked to try later.',
    kind: 'count',
  },
  dailyLimit: {
    label: 'Orders per customer per day',
    hint: 'How many drinks one customer can order in a day.',
    kind: 'count',
  },
  customerTimeoutSeconds: {
    label: 'Time to choose a drink',
    hint: 'After scanning, a customer who has not chosen by then has the order cancelled.',
    kind: 'time',
  },
  baristaTimeoutSeconds: {
    label: 'Time to make an order',
    hint: 'An order not completed by then is cancelled, and the customer told.',
    kind: 'time',
  },
};

/** The limits, in the order the form shows them. */
export const LIMIT_NAMES = Object.keys(LIMIT_FIELDS) as LimitName[];

/** What a limit's field holds: the text typed, and for a time the unit chosen. */
export interface LimitEntry {
  text: string;
  unit: DurationUnit;
}

const SECONDS_PER: Record<DurationUnit, number> = { seconds: 1, minutes: 60 };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A number of seconds in the largest whole unit, e.g. `10 seconds`, `5 minutes`, `4 hours`. */
export function durationWords(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  if (seconds >= 60 && seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
}

/** The bounds of a limit in words, e.g. `From 1 to 5000.` or `From 10 seconds to 1 hour.` */
export function boundsWords(name: LimitName): string {
  const { min, max } = LIMIT_BOUNDS[name];
  return LIMIT_FIELDS[name].kind === 'time'
    ? `From ${durationWords(min)} to ${durationWords(max)}.`
    : `From ${min} to ${max}.`;
}

/** The field of a limit set to `value`: a time in minutes when it is whole minutes, else in seconds. */
export function entryOf(name: LimitName, value: number): LimitEntry {
  if (LIMIT_FIELDS[name].kind === 'time' && value >= 60 && value % 60 === 0) {
    return { text: String(value / 60), unit: 'minutes' };
  }
  return { text: String(value), unit: 'seconds' };
}

/**
 * The value a field gives, checked against {@link LIMIT_BOUNDS} (a time converted to seconds), or
 * the message to show beside it.
 */
export function parseEntry(name: LimitName, entry: LimitEntry): { value: number } | { error: string } {
  const { min, max } = LIMIT_BOUNDS[name];
  const text = entry.text.trim();
  if (LIMIT_FIELDS[name].kind === 'count') {
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    return value >= min && value <= max
      ? { value }
      : { error: `Enter a whole number from ${min} to ${max}.` };
  }
  const range = `from ${durationWords(min)} to ${durationWords(max)}`;
  const amount = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(amount)) return { error: `Enter a time ${range}.` };
  // Rounded to the millisecond first, so that 0.1 minutes is 6 seconds and not 6.000000000000001.
  const value = Math.round(amount * SECONDS_PER[entry.unit] * 1000) / 1000;
  if (!Number.isInteger(value)) return { error: `Enter a time in whole seconds, ${range}.` };
  return value >= min && value <= max ? { value } : { error: `Enter a time ${range}.` };
}

/** What the form would send: the limits whose field changed, or why a field cannot be sent. */
export interface LimitChanges {
  /** Only the limits given a new value: the body of `PUT /api/shops/{shopId}/limits`. */
  changes: UpdateLimitsRequest;
  /** The message of each field that is not a valid value. */
  errors: Partial<Record<LimitName, string>>;
}

/** The changes of `edited` (the fields the barista touched) against the shop's current `limits`. */
export function limitChanges(limits: Limits, edited: Partial<Record<LimitName, LimitEntry>>): LimitChanges {
  const result: LimitChanges = { changes: {}, errors: {} };
  for (const name of LIMIT_NAMES) {
    const entry = edited[name];
    if (!entry) continue;
    const parsed = parseEntry(name, entry);
    if ('error' in parsed) result.errors[name] = parsed.error;
    else if (parsed.value !== limits[name]) result.changes[name] = parsed.value;
  }
  return result;
}
