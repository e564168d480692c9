import { ValidationException } from '../errors.js';
import { type CronExpression, nextCronTime, parseCron } from './cron-expression.js';
import { ScheduleSyntaxError } from './schedule-error.js';

/**
 * When a scheduled rule runs: every `periodMs` (a rate expression), or at the minutes a cron
 * expression names.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
export type Schedule = { kind: 'rate'; periodMs: number } | { kind: 'cron'; cron: CronExpression };

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

const RATE = /^rate\((\d+) (minute|hour|day)(s?)\)$/;
const CRON = /^cron\((.*)\)$/;

/**
 * Parses a rule's `ScheduleExpression`: `rate(value unit)`, the unit singular for 1 and plural
 * otherwise, or `cron(fields)`.
 *
 * @throws ValidationException when the expression is not valid.
 */
export function parseScheduleExpression(expression: string): Schedule {
  try {
    const rate = RATE.exec(expression);
    if (rate) {
      const [, value, unit, plural] = rate as unknown as [string, string, keyof typeof UNIT_MS, string];
      return parseRate(value, unit, plural === 's');
    }
    const cron = CRON.exec(expression);
    if (cron) return { kind: 'cron', cron: parseCron(cron[1] as string) };
    throw new ScheduleSyntaxError(
      'it must be rate(value unit), with a unit of minute(s), hour(s) or day(s), or cron(fields)',
    );
  } catch (error) {
    if (error instanceof ScheduleSyntaxError)
      throw new ValidationException(`Parameter ScheduleExpression is not valid: ${error.message}.`);
    throw error;
  }
}

function parseRate(value: string, unit: keyof typeof UNIT_MS, plural: boolean): Schedule {
  const count = Number(value);
  if (count < 1)
    throw new ScheduleSyntaxError(`the value of a rate must be a positive integer, not ${value}`);
  if (count === 1 && plural) throw new ScheduleSyntaxError(`a rate of 1 takes the singular unit ${unit}`);
  if (count > 1 && !plural)
    throw new ScheduleSyntaxError(`a rate of ${value} takes the plural unit ${unit}s`);
  const periodMs = count * UNIT_MS[unit];
  if (!Number.isSafeInteger(periodMs))
    throw new ScheduleSyntaxError(`a rate of ${value} ${unit}s is too long`);
  return { kind: 'rate', periodMs };
}

/**
 * The schedule's first tick after `now`, or `undefined` when a cron expression names no later
 * minute. A rate ticks every period counted from `anchor`: when its rule was set, or a tick of it.
 */
export function nextTick(schedule: Schedule, anchor: number, now: number): number | undefined {
  if (schedule.kind === 'cron') return nextCronTime(schedule.cron, Math.max(anchor, now));
  const periodsPassed = Math.floor(Math.max(0, now - anchor) / schedule.periodMs);
  return anchor + (periodsPassed + 1) * schedule.periodMs;
}
