import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../src/eventbridge/errors.js';
import { nextTick, parseScheduleExpression } from '../../src/eventbridge/schedule/schedule-expression.js';

const MINUTE = 60_000;

/** An ISO time as epoch milliseconds. */
const at = (iso: string) => Date.parse(iso);

describe('parseScheduleExpression', () => {
  it.each([
    ['rate(1 minute)', 1],
    ['rate(5 minutes)', 5],
    ['rate(1 hour)', 60],
    ['rate(12 hours)', 720],
    ['rate(1 day)', 1440],
    ['rate(7 days)', 10_080],
  ])('reads %s as a period of %i minutes', (expression, minutes) => {
    // Act
    const schedule = parseScheduleExpression(expression);

    // Assert
    expect(schedule).toEqual({ kind: 'rate', periodMs: minutes * MINUTE });
  });

  // The examples of the EventBridge user guide, and each wildcard it lists.
  it.each([
    'cron(0 10 * * ? *)',
    'cron(15 12 * * ? *)',
    'cron(0 18 ? * MON-FRI *)',
    'cron(0 8 1 * ? *)',
    'cron(0/15 * * * ? *)',
    'cron(0/10 * ? * MON-FRI *)',
    'cron(0/5 8-17 ? * MON-FRI *)',
    'cron(0 9 ? * 3#2 *)',
    'cron(0 9 L * ? *)',
    'cron(0 9 LW * ? *)',
    'cron(0 9 3W * ? *)',
    'cron(0 9 ? * 6L *)',
    'cron(0 9 ? * L *)',
    'cron(0 9 1,15 JAN,jul ? 2030-2035)',
    'cron(*/20 */6 ? * SUN,SAT 2030/2)',
  ])('accepts %s', (expression) => {
    expect(parseScheduleExpression(expression).kind).toBe('cron');
  });

  it.each([
    ['a rate of 1 with a plural unit', 'rate(1 minutes)'],
    ['a rate above 1 with a singular unit', 'rate(5 hour)'],
    ['a rate of 0', 'rate(0 minutes)'],
    ['a negative rate', 'rate(-1 minutes)'],
    ['a fractional rate', 'rate(1.5 hours)'],
    ['a rate in seconds', 'rate(30 seconds)'],
    ['a rate without its space', 'rate(5minutes)'],
    ['a cron expression of five fields', 'cron(0 10 * * ?)'],
    ['a cron expression of seven fields', 'cron(0 0 10 * * ? *)'],
    ['a cron expression with both day fields', 'cron(0 10 * * MON *)'],
    ['a cron expression with neither day field', 'cron(0 10 ? * ? *)'],
    ['minute 60', 'cron(60 10 * * ? *)'],
    ['hour 24', 'cron(0 24 * * ? *)'],
    ['day-of-month 32', 'cron(0 0 32 * ? *)'],
    ['month 13', 'cron(0 0 1 13 ? *)'],
    ['day-of-week 8', 'cron(0 0 ? * 8 *)'],
    ['year 2200', 'cron(0 0 1 1 ? 2200)'],
    ['an increment in day-of-week', 'cron(0 0 ? * 1/2 *)'],
    ['an increment of 0', 'cron(0/0 * * * ? *)'],
    ['a backwards range', 'cron(0 0 20-10 * ? *)'],
    ['a sixth weekday of a month', 'cron(0 0 ? * 3#6 *)'],
    ['# in a list', 'cron(0 0 ? * 3#1,6#3 *)'],
    ['an unknown name', 'cron(0 0 ? * MOON *)'],
    ['something else', 'every 5 minutes'],
    ['nothing', ''],
  ])('refuses %s', (_case, expression) => {
    // Act
    const parse = () => parseScheduleExpression(expression);

    // Assert
    expect(parse).toThrow(ValidationException);
    expect(parse).toThrow(/^Parameter ScheduleExpression is not valid: /);
  });
});

describe('nextTick', () => {
  const anchor = at('2025-01-15T10:07:30Z');

  it.each([
    ['one period after its anchor', anchor, '2025-01-15T10:12:30Z'],
    [
      'on the grid of its anchor once periods have passed',
      at('2025-01-15T10:20:00Z'),
      '2025-01-15T10:22:30Z',
    ],
    ['one period after a tick it is called at', at('2025-01-15T10:12:30Z'), '2025-01-15T10:17:30Z'],
  ])('ticks a rate %s', (_case, now, expected) => {
    // Arrange
    const schedule = parseScheduleExpression('rate(5 minutes)');

    // Act
    const next = nextTick(schedule, anchor, now);

    // Assert
    expect(next).toBe(at(expected));
  });

  it.each([
    [
      'a daily time, tomorrow once past',
      'cron(0 10 * * ? *)',
      '2025-01-15T10:07:30Z',
      '2025-01-16T10:00:00Z',
    ],
    ['a daily time, later today', 'cron(15 12 * * ? *)', '2025-01-15T10:07:30Z', '2025-01-15T12:15:00Z'],
    ['every 15 minutes', 'cron(0/15 * * * ? *)', '2025-01-15T10:07:30Z', '2025-01-15T10:15:00Z'],
    [
      'every 15 minutes, strictly after a tick',
      'cron(0/15 * * * ? *)',
      '2025-01-15T10:15:00Z',
      '2025-01-15T10:30:00Z',
    ],
    ['weekdays, over a weekend', 'cron(0 18 ? * MON-FRI *)', '2025-01-17T19:00:00Z', '2025-01-20T18:00:00Z'],
    [
      'every 5 minutes in working hours',
      'cron(0/5 8-17 ? * MON-FRI *)',
      '2025-01-15T17:57:00Z',
      '2025-01-16T08:00:00Z',
    ],
    ['the first of the month', 'cron(0 8 1 * ? *)', '2025-01-15T10:07:30Z', '2025-02-01T08:00:00Z'],
    ['the last day of February', 'cron(0 0 L * ? *)', '2024-02-10T00:00:00Z', '2024-02-29T00:00:00Z'],
    [
      'the last weekday of a month ending on a Saturday',
      'cron(0 9 LW * ? *)',
      '2025-05-20T00:00:00Z',
      '2025-05-30T09:00:00Z',
    ],
    [
      'the weekday nearest a Saturday the 15th',
      'cron(0 9 15W * ? *)',
      '2025-03-01T00:00:00Z',
      '2025-03-14T09:00:00Z',
    ],
    [
      'the weekday nearest a Saturday the 1st',
      'cron(0 9 1W * ? *)',
      '2025-01-15T10:07:30Z',
      '2025-02-03T09:00:00Z',
    ],
    ['the first Monday', 'cron(0 9 ? * 2#1 *)', '2025-01-15T10:07:30Z', '2025-02-03T09:00:00Z'],
    ['the last Friday', 'cron(0 9 ? * 6L *)', '2025-01-15T10:07:30Z', '2025-01-31T09:00:00Z'],
    ['the last day of the week', 'cron(0 9 ? * L *)', '2025-01-15T10:07:30Z', '2025-01-18T09:00:00Z'],
    ['a later year', 'cron(0 0 1 JAN ? 2030)', '2025-01-15T10:07:30Z', '2030-01-01T00:00:00Z'],
  ])('runs a cron expression at %s', (_case, expression, now, expected) => {
    // Arrange
    const schedule = parseScheduleExpression(expression);

    // Act
    const next = nextTick(schedule, at(now), at(now));

    // Assert
    expect(next).toBe(at(expected));
  });

  it('finds no tick of a cron expression whose years are past', () => {
    // Arrange
    const schedule = parseScheduleExpression('cron(0 0 1 1 ? 2020)');

    // Act
    const next = nextTick(schedule, anchor, anchor);

    // Assert
    expect(next).toBeUndefined();
  });
});
