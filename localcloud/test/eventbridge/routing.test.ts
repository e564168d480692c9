import {
  CreateEventBusCommand,
  DisableRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../support/cloud.js';
import { type EventBridgeHarness, startHarness } from './support/harness.js';
import { type RecordingFunction, recordingFunction } from './support/recorder.js';

let h: EventBridgeHarness;
let queue: RecordingFunction;
let customer: RecordingFunction;
let audit: RecordingFunction;
let machineArn: string;
let busArn: string;

beforeAll(async () => {
  h = await startHarness();
  queue = recordingFunction(h.lambda, 'queue');
  customer = recordingFunction(h.lambda, 'customer');
  audit = recordingFunction(h.lambda, 'audit');
  machineArn = await createMachine(
    h.sfn,
    { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } },
    'orders',
  );
  busArn = (await h.events.send(new CreateEventBusCommand({ Name: 'coffee' }))).EventBusArn as string;

  const rules = [
    {
      name: 'order-events',
      bus: 'coffee',
      pattern: { source: ['coffee.shop'], 'detail-type': [{ prefix: 'OrderManager.' }] },
      targets: [
        { Id: 'queue', Arn: queue.arn },
        { Id: 'workflow', Arn: machineArn },
      ],
    },
    {
      name: 'main-shop-completed',
      bus: 'coffee',
      pattern: { 'detail-type': ['OrderManager.OrderCompleted'], detail: { shopId: ['main'] } },
      targets: [{ Id: 'customer', Arn: customer.arn }],
    },
    {
      name: 'switched-off',
      bus: 'coffee',
      pattern: { source: ['coffee.shop'] },
      targets: [{ Id: 'audit', Arn: audit.arn }],
    },
    {
      name: 'default-bus',
      bus: 'default',
      pattern: { source: ['coffee.shop'] },
      targets: [{ Id: 'audit', Arn: audit.arn }],
    },
  ];
  for (const rule of rules) {
    await h.events.send(
      new PutRuleCommand({
        Name: rule.name,
        EventBusName: rule.bus,
        EventPattern: JSON.stringify(rule.pattern),
      }),
    );
    await h.events.send(
      new PutTargetsCommand({ Rule: rule.name, EventBusName: rule.bus, Targets: rule.targets }),
    );
  }
  await h.events.send(new DisableRuleCommand({ Name: 'switched-off', EventBusName: 'coffee' }));
});
afterAll(async () => {
  await h.stop();
});

describe('routing', () => {
  it('delivers each event to the targets of every enabled rule it matches, on its own bus only', async () => {
    // Act
    const put = await h.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'coffee',
            Source: 'coffee.shop',
            DetailType: 'OrderManager.OrderCompleted',
            Detail: JSON.stringify({ shopId: 'main', orderId: 'o-1' }),
          },
          {
            EventBusName: busArn,
            Source: 'coffee.shop',
            DetailType: 'OrderManager.OrderSubmitted',
            Detail: JSON.stringify({ shopId: 'pop-up', orderId: 'o-2' }),
          },
          {
            EventBusName: 'coffee',
            Source: 'coffee.shop',
            DetailType: 'ConfigService.ConfigChanged',
            Detail: JSON.stringify({ shopId: 'main' }),
          },
          { Source: 'coffee.shop', DetailType: 'Elsewhere', Detail: JSON.stringify({ shopId: 'main' }) },
        ],
      }),
    );
    await h.service.idle();

    // Assert
    expect(put.FailedEntryCount).toBe(0);
    const [completed, submitted, , elsewhere] = (put.Entries ?? []).map((entry) => entry.EventId);
    expect(queue.events.map(idOf).sort()).toEqual([completed, submitted].sort());
    expect(customer.events.map(idOf)).toEqual([completed]);
    expect(audit.events.map(idOf)).toEqual([elsewhere]);
    const executions = await h.sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn }));
    const inputs = await Promise.all(
      (executions.executions ?? []).map(async (execution) => {
        const described = await h.sfn.send(
          new DescribeExecutionCommand({ executionArn: execution.executionArn }),
        );
        return JSON.parse(described.input as string) as { id: string };
      }),
    );
    expect(inputs.map((input) => input.id).sort()).toEqual([completed, submitted].sort());
  });

  it('delivers the event envelope', async () => {
    // Arrange
    const time = new Date('2024-05-01T10:00:00.250Z');
    const before = queue.events.length;

    // Act
    const put = await h.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'coffee',
            Source: 'coffee.shop',
            DetailType: 'OrderManager.MakeOrder',
            Detail: '{ "shopId": "main", "orderId": "o-3", "price": 4.50 }',
            Resources: ['arn:aws:states:us-east-1:000000000000:execution:orders:o-3'],
            Time: time,
          },
        ],
      }),
    );
    await h.service.idle();

    // Assert
    expect(queue.events.slice(before)).toEqual([
      {
        version: '0',
        id: put.Entries?.[0]?.EventId,
        'detail-type': 'OrderManager.MakeOrder',
        source: 'coffee.shop',
        account: '000000000000',
        time: '2024-05-01T10:00:00Z',
        region: 'us-east-1',
        resources: ['arn:aws:states:us-east-1:000000000000:execution:orders:o-3'],
        detail: { shopId: 'main', orderId: 'o-3', price: 4.5 },
      },
    ]);
  });

  it.each([
    ['exists: false', { detail: { userId: [{ exists: false }] } }, [false, true]],
    ['numeric range', { detail: { price: [{ numeric: ['>=', 3, '<', 5] }] } }, [true, false]],
    [
      'anything-but prefix',
      { detail: { orderId: [{ 'anything-but': { prefix: 'test-' } }] } },
      [true, false],
    ],
    [
      '$or',
      { $or: [{ detail: { userId: ['u-1'] } }, { detail: { price: [{ numeric: ['>', 100] }] } }] },
      [true, false],
    ],
    ['wildcard', { 'detail-type': [{ wildcard: 'OrderManager.*Order' }] }, [true, true]],
  ])('routes by pattern: %s', async (name, pattern, expected) => {
    // Arrange
    const fn = recordingFunction(h.lambda, `pattern-${name.replace(/[^a-z]/g, '')}`);
    const rule = `pattern-${expected.join('-')}-${name.replace(/[^a-z]/g, '')}`;
    await h.events.send(
      new PutRuleCommand({ Name: rule, EventBusName: 'coffee', EventPattern: JSON.stringify(pattern) }),
    );
    await h.events.send(
      new PutTargetsCommand({ Rule: rule, EventBusName: 'coffee', Targets: [{ Id: 'fn', Arn: fn.arn }] }),
    );
    const entry = (detail: object) => ({
      EventBusName: 'coffee',
      Source: 'coffee.shop',
      DetailType: 'OrderManager.MakeOrder',
      Detail: JSON.stringify(detail),
    });

    // Act
    const put = await h.events.send(
      new PutEventsCommand({
        Entries: [entry({ orderId: 'o-1', userId: 'u-1', price: 4 }), entry({ orderId: 'test-2', price: 5 })],
      }),
    );
    await h.service.idle();

    // Assert
    const ids = (put.Entries ?? []).map((result) => result.EventId);
    expect(fn.events.map(idOf).sort()).toEqual(ids.filter((_id, index) => expected[index]).sort());
  });
});

function idOf(event: unknown): string {
  return (event as { id: string }).id;
}
