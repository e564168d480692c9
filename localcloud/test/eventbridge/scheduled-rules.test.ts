import {
  CreateEventBusCommand,
  DeleteRuleCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  ListRulesCommand,
  PutRuleCommand,
  type PutRuleCommandInput,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type EventBridgeHarness, startHarness } from './support/harness.js';
import { type RecordingFunction, recordingFunction } from './support/recorder.js';
import { rejectionOf } from './support/rejection.js';

const MINUTE = 60_000;
/** When each test starts: a Wednesday, half a minute past 10:07 UTC. */
const START = Date.parse('2025-01-15T10:07:30Z');
const RULE_ARN = 'arn:aws:events:us-east-1:000000000000:rule/';

let h: EventBridgeHarness;
beforeEach(async () => {
  // The service's clock and timers are faked before it opens, so a test moves on by minutes at once.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
  vi.useRealTimers();
});

/** Moves the clock on by `ms`, firing what falls due, and waits until what it sent is delivered. */
async function pass(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await h.service.idle();
}

/** Puts a rule `name` with a schedule, its target a recording function of the same name. */
async function scheduledRule(name: string, expression: string): Promise<RecordingFunction> {
  const fn = recordingFunction(h.lambda, name);
  await h.events.send(new PutRuleCommand({ Name: name, ScheduleExpression: expression }));
  await h.events.send(new PutTargetsCommand({ Rule: name, Targets: [{ Id: name, Arn: fn.arn }] }));
  return fn;
}

/**
 * The `time` of each event a function received, in order: the deliveries of ticks that fall due
 * together may land in either order, as on AWS.
 */
const timesOf = (fn: RecordingFunction) => fn.events.map((event) => (event as { time: string }).time).sort();

describe('scheduled rules in the API', () => {
  it('puts a rule with a schedule, alone or beside a pattern, and DescribeRule and ListRules show it', async () => {
    // Act
    const put = await h.events.send(
      new PutRuleCommand({ Name: 'every-5', ScheduleExpression: 'rate(5 minutes)', Description: 'Tidy' }),
    );
    await h.events.send(
      new PutRuleCommand({
        Name: 'both',
        ScheduleExpression: 'cron(0 10 * * ? *)',
        EventPattern: JSON.stringify({ source: ['coffee.shop'] }),
      }),
    );
    const described = await h.events.send(new DescribeRuleCommand({ Name: 'every-5' }));
    const listed = await h.events.send(new ListRulesCommand({}));

    // Assert
    expect(put.RuleArn).toBe(`${RULE_ARN}every-5`);
    expect(described).toMatchObject({
      Name: 'every-5',
      Arn: `${RULE_ARN}every-5`,
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Description: 'Tidy',
      EventBusName: 'default',
    });
    expect(described.EventPattern).toBeUndefined();
    expect(
      listed.Rules?.map(({ Name, ScheduleExpression, EventPattern }) => [
        Name,
        ScheduleExpression,
        EventPattern,
      ]),
    ).toEqual([
      ['both', 'cron(0 10 * * ? *)', '{"source":["coffee.shop"]}'],
      ['every-5', 'rate(5 minutes)', undefined],
    ]);
  });

  it.each<[string, Partial<PutRuleCommandInput>, string | RegExp]>([
    [
      'a rate of 1 with a plural unit',
      { ScheduleExpression: 'rate(1 minutes)' },
      /^Parameter ScheduleExpression is not valid: /,
    ],
    [
      'a rate above 1 with a singular unit',
      { ScheduleExpression: 'rate(5 minute)' },
      /^Parameter ScheduleExpression is not valid: /,
    ],
    [
      'a malformed cron expression',
      { ScheduleExpression: 'cron(0 10 * * ?)' },
      /^Parameter ScheduleExpression is not valid: /,
    ],
    [
      'something else',
      { ScheduleExpression: 'every 5 minutes' },
      /^Parameter ScheduleExpression is not valid: /,
    ],
    [
      'a schedule on a custom bus',
      { EventBusName: 'custom', ScheduleExpression: 'rate(5 minutes)' },
      'ScheduleExpression is supported only on the default event bus.',
    ],
    [
      'neither a pattern nor a schedule',
      {},
      'Parameter(s) EventPattern or ScheduleExpression must be specified.',
    ],
  ])('refuses %s', async (_case, request, message) => {
    // Arrange
    await h.events.send(new CreateEventBusCommand({ Name: 'custom' }));

    // Act
    const error = await rejectionOf(h.events.send(new PutRuleCommand({ Name: 'refused', ...request })));

    // Assert
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(message);
  });
});

describe('scheduled rules firing', () => {
  it('sends its targets a Scheduled Event one period after it is put, then every period', async () => {
    // Arrange
    const fn = await scheduledRule('every-5', 'rate(5 minutes)');

    // Act
    await pass(5 * MINUTE - 1000);
    const beforeThePeriod = fn.events.length;
    await pass(1000);
    await pass(5 * MINUTE);

    // Assert
    expect(beforeThePeriod).toBe(0);
    expect(fn.events).toEqual([
      {
        version: '0',
        id: expect.any(String),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: '000000000000',
        time: '2025-01-15T10:12:30Z',
        region: 'us-east-1',
        resources: [`${RULE_ARN}every-5`],
        detail: {},
      },
      expect.objectContaining({ time: '2025-01-15T10:17:30Z' }),
    ]);
  });

  it('runs a cron expression at the minutes it names, in UTC', async () => {
    // Arrange
    const fn = await scheduledRule('quarter-hours', 'cron(0/15 * * * ? *)');

    // Act
    await pass(30 * MINUTE);

    // Assert
    expect(timesOf(fn)).toEqual(['2025-01-15T10:15:00Z', '2025-01-15T10:30:00Z']);
  });

  it('does not fire while disabled, and counts a period afresh once enabled', async () => {
    // Arrange
    const fn = await scheduledRule('paused', 'rate(1 minute)');
    await h.events.send(new DisableRuleCommand({ Name: 'paused' }));

    // Act
    await pass(3 * MINUTE);
    const whileDisabled = fn.events.length;
    await h.events.send(new EnableRuleCommand({ Name: 'paused' }));
    await pass(MINUTE);

    // Assert
    expect(whileDisabled).toBe(0);
    expect(timesOf(fn)).toEqual(['2025-01-15T10:11:30Z']);
  });

  it('reschedules a rule put again with another expression, and keeps the ticks of one put with the same', async () => {
    // Arrange
    const changed = await scheduledRule('changed', 'rate(5 minutes)');
    const kept = await scheduledRule('kept', 'rate(5 minutes)');
    await pass(2 * MINUTE);

    // Act
    await h.events.send(new PutRuleCommand({ Name: 'changed', ScheduleExpression: 'rate(10 minutes)' }));
    await h.events.send(
      new PutRuleCommand({ Name: 'kept', ScheduleExpression: 'rate(5 minutes)', Description: 'Same' }),
    );
    await pass(10 * MINUTE);

    // Assert
    expect(timesOf(changed)).toEqual(['2025-01-15T10:19:30Z']);
    expect(timesOf(kept)).toEqual(['2025-01-15T10:12:30Z', '2025-01-15T10:17:30Z']);
  });

  it('stops a deleted rule: one put again under its name counts from then', async () => {
    // Arrange
    const fn = await scheduledRule('recreated', 'rate(5 minutes)');
    await pass(2 * MINUTE);
    await h.events.send(new RemoveTargetsCommand({ Rule: 'recreated', Ids: ['recreated'] }));

    // Act
    await h.events.send(new DeleteRuleCommand({ Name: 'recreated' }));
    await h.events.send(new PutRuleCommand({ Name: 'recreated', ScheduleExpression: 'rate(5 minutes)' }));
    await h.events.send(
      new PutTargetsCommand({ Rule: 'recreated', Targets: [{ Id: 'recreated', Arn: fn.arn }] }),
    );
    await pass(5 * MINUTE);

    // Assert
    expect(timesOf(fn)).toEqual(['2025-01-15T10:14:30Z']);
  });

  it('dead-letters a Scheduled Event its target fails to take, as any event', async () => {
    // Arrange
    const fn = recordingFunction(h.lambda, 'down', 'Down');
    await h.events.send(new PutRuleCommand({ Name: 'down', ScheduleExpression: 'rate(1 minute)' }));
    await h.events.send(
      new PutTargetsCommand({
        Rule: 'down',
        Targets: [{ Id: 'down', Arn: fn.arn, RetryPolicy: { MaximumRetryAttempts: 0 } }],
      }),
    );

    // Act
    await pass(MINUTE);

    // Assert
    expect(await h.service.listDeadLetters()).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ 'detail-type': 'Scheduled Event', time: '2025-01-15T10:08:30Z' }),
        rule: { name: 'down', arn: `${RULE_ARN}down` },
        target: { id: 'down', arn: fn.arn },
        error: { code: 'Down', message: 'down is failing on purpose' },
        exhaustedRetryCondition: 'MaximumRetryAttempts',
      }),
    ]);
  });
});

describe('scheduled rules across a restart', () => {
  it('fires each enabled rule once as the service starts again, then every period from then', async () => {
    // Arrange
    const enabled = await scheduledRule('enabled', 'rate(5 minutes)');
    const disabled = await scheduledRule('disabled', 'rate(5 minutes)');
    await h.events.send(new DisableRuleCommand({ Name: 'disabled' }));
    await pass(2 * MINUTE);

    // Act
    await h.restart();
    await h.service.idle();
    const atStart = timesOf(enabled);
    await pass(5 * MINUTE);

    // Assert
    expect(atStart).toEqual(['2025-01-15T10:09:30Z']);
    expect(timesOf(enabled)).toEqual(['2025-01-15T10:09:30Z', '2025-01-15T10:14:30Z']);
    expect(disabled.events).toEqual([]);
  });
});
