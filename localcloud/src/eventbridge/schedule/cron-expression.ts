import { ScheduleSyntaxError } from './schedule-error.js';

/**
 * AWS cron expressions: six fields (minutes, hours, day-of-month, month, day-of-week, year), in
 * UTC, to the minute. Exactly one of the two day fields is `?`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */

/** One field's values and whether it takes increments (`/`). */
interface FieldSpec {
  label: string;
  min: number;
  max: number;
  /** Names of the values in order from `min` (`JAN`, `SUN`, ...). */
  names?: readonly string[];
  increments: boolean;
}

const MINUTES: FieldSpec = { label: 'Minutes', min: 0, max: 59, increments: true };
const HOURS: FieldSpec = { label: 'Hours', min: 0, max: 23, increments: true };
const DAY_OF_MONTH: FieldSpec = { label: 'Day-of-month', min: 1, max: 31, increments: true };
const MONTH: FieldSpec = {
  label: 'Month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  increments: true,
};
/** Day-of-week counts from Sunday (1) to Saturday (7). */
const DAY_OF_WEEK: FieldSpec = {
  label: 'Day-of-week',
  min: 1,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  increments: false,
};
const YEAR: FieldSpec = { label: 'Year', min: 1970, max: 2199, increments: true };

const SATURDAY = 7;
const SUNDAY = 1;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A day of the calendar (UTC), with what the day fields need to know of it. */
export interface CalendarDay {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  /** 1 (Sunday) to 7 (Saturday). */
  weekday: number;
  daysInMonth: number;
}

/** A parsed cron expression: the values of each field, and a test of the day fields. */
export interface CronExpression {
  minutes: readonly number[];
  hours: readonly number[];
  months: ReadonlySet<number>;
  years: ReadonlySet<number>;
  /** Whether the expression runs on a day, by its day-of-month or day-of-week field. */
  matchesDay: (day: CalendarDay) => boolean;
}

/**
 * Parses the fields of `cron(fields)`: lists (`,`), ranges (`-`), `*`, increments (`/`, not in
 * Day-of-week), month and weekday names, and the day fields' `?`, `L`, `W`, `LW` and `#`.
 *
 * @throws ScheduleSyntaxError when the fields are not a valid AWS cron expression.
 */
export function parseCron(fields: string): CronExpression {
  const parts = fields.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new ScheduleSyntaxError(
      `a cron expression has six fields (minutes, hours, day-of-month, month, day-of-week, year), not ${parts.length}`,
    );
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new ScheduleSyntaxError('exactly one of the Day-of-month and Day-of-week fields must be ?');
  }
  return {
    minutes: parseList(minutes, MINUTES),
    hours: parseList(hours, HOURS),
    months: new Set(parseList(month, MONTH)),
    years: new Set(parseList(year, YEAR)),
    matchesDay: dayOfMonth === '?' ? dayOfWeekMatcher(dayOfWeek) : dayOfMonthMatcher(dayOfMonth),
  };
}

/**
 * The first minute after `after` (epoch milliseconds) that the expression names, or `undefined`
 * when there is none up to its last year.
 */
export function nextCronTime(cron: CronExpression, after: number): number | undefined {
  const start = Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  let fromMinute = (start % DAY_MS) / MINUTE_MS;
  for (let midnight = start - (start % DAY_MS); ; midnight += DAY_MS, fromMinute = 0) {
    const day = calendarDay(midnight);
    if (day.year > YEAR.max) return undefined;
    if (!cron.years.has(day.year) || !cron.months.has(day.month) || !cron.matchesDay(day)) continue;
    const minute = firstMinuteOfDay(cron, fromMinute);
    if (minute !== undefined) return midnight + minute * MINUTE_MS;
  }
}

function firstMinuteOfDay(cron: CronExpression, fromMinute: number): number | undefined {
  for (const hour of cron.hours) {
    for (const minute of cron.minutes) {
      if (hour * 60 + minute >= fromMinute) return hour * 60 + minute;
    }
  }
  return undefined;
}

function calendarDay(midnight: number): CalendarDay {
  const date = new Date(midnight);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return {
    year,
    month,
    day: date.getUTCDate(),
    weekday: date.getUTCDay() + 1,
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

function weekdayOf(day: CalendarDay, date: number): number {
  return new Date(Date.UTC(day.year, day.month - 1, date)).getUTCDay() + 1;
}

function dayOfMonthMatcher(text: string): (day: CalendarDay) => boolean {
  if (text === 'L') return (day) => day.day === day.daysInMonth;
  if (text === 'LW') return (day) => day.day === nearestWeekday(day, day.daysInMonth);
  const nearest = /^(\d+)W$/.exec(text);
  if (nearest) {
    const date = fieldValue(nearest[1] as string, DAY_OF_MONTH);
    return (day) => date <= day.daysInMonth && day.day === nearestWeekday(day, date);
  }
  const dates = new Set(parseList(text, DAY_OF_MONTH));
  return (day) => dates.has(day.day);
}

/** The weekday (Monday to Friday) nearest to `date` in the same month as `day`. */
function nearestWeekday(day: CalendarDay, date: number): number {
  const weekday = weekdayOf(day, date);
  if (weekday === SATURDAY) return date === 1 ? date + 2 : date - 1;
  if (weekday === SUNDAY) return date === day.daysInMonth ? date - 2 : date + 1;
  return date;
}

function dayOfWeekMatcher(text: string): (day: CalendarDay) => boolean {
  // `L` alone is the last day of the week.
  if (text === 'L') return (day) => day.weekday === SATURDAY;
  const last = /^(\w+)L$/i.exec(text);
  if (last) {
    const weekday = fieldValue(last[1] as string, DAY_OF_WEEK);
    return (day) => day.weekday === weekday && day.day + 7 > day.daysInMonth;
  }
  const nth = /^(\w+)#(\d+)$/.exec(text);
  if (nth) {
    const weekday = fieldValue(nth[1] as string, DAY_OF_WEEK);
    const instance = Number(nth[2]);
    if (instance < 1 || instance > 5)
      throw new ScheduleSyntaxError(`${text}: a month has at most 5 of a weekday`);
    return (day) => day.weekday === weekday && Math.ceil(day.day / 7) === instance;
  }
  const weekdays = new Set(parseList(text, DAY_OF_WEEK));
  return (day) => weekdays.has(day.weekday);
}

const ITEM = /^(\*|\w+(?:-\w+)?)(?:\/(\d+))?$/;

/** The values of a field made of `,`-separated items, in order. */
function parseList(text: string, spec: FieldSpec): number[] {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = ITEM.exec(item);
    if (!match) throw new ScheduleSyntaxError(`${spec.label} field ${text} is not valid`);
    const [, range, increment] = match as unknown as [string, string, string | undefined];
    if (increment !== undefined && !spec.increments) {
      throw new ScheduleSyntaxError(`${spec.label} field takes no increments (/): ${item}`);
    }
    const [from, to] = range.split('-') as [string, string | undefined];
    const first = from === '*' ? spec.min : fieldValue(from, spec);
    const last =
      from === '*' || (to === undefined && increment !== undefined)
        ? spec.max
        : to === undefined
          ? first
          : fieldValue(to, spec);
    if (first > last) throw new ScheduleSyntaxError(`${spec.label} range ${range} runs backwards`);
    const step = increment === undefined ? 1 : Number(increment);
    if (step < 1) throw new ScheduleSyntaxError(`${spec.label} increment must be at least 1: ${item}`);
    for (let value = first; value <= last; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

/** A field value, as a number or (month, weekday) a name. */
function fieldValue(token: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  const value = named >= 0 ? spec.min + named : /^\d+$/.test(token) ? Number(token) : Number.NaN;
  if (!(value >= spec.min && value <= spec.max)) {
    throw new ScheduleSyntaxError(`${spec.label} value ${token} is not within ${spec.min}-${spec.max}`);
  }
  return value;
}
