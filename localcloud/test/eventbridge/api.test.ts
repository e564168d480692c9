import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  InvalidEventPatternException,
  LimitExceededException,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventBridgeHarness, startHarness } from './support/harness.js';
import { rejectionOf } from './support/rejection.js';

let h: EventBridgeHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const PATTERN = JSON.stringify({ source: ['coffee.shop'] });
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:api-test';
const MACHINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:api-test';

describe('event buses', () => {
  it('has a default bus', async () => {
    // Act
    const bus = await h.events.send(new DescribeEventBusCommand({}));

    // Assert
    expect(bus).toMatchObject({
      Name: 'default',
      Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default',
    });
  });

  it('creates, describes by name or ARN, lists and deletes a custom bus', async () => {
    // Act
    const created = await h.events.send(
      new CreateEventBusCommand({ Name: 'coffee', Description: 'The shop' }),
    );
    const byName = await h.events.send(new DescribeEventBusCommand({ Name: 'coffee' }));
    const byArn = await h.events.send(new DescribeEventBusCommand({ Name: created.EventBusArn }));
    const listed = await h.events.send(new ListEventBusesCommand({ NamePrefix: 'cof' }));
    await h.events.send(new DeleteEventBusCommand({ Name: 'coffee' }));
    const missing = await rejectionOf(h.events.send(new DescribeEventBusCommand({ Name: 'coffee' })));

    // Assert
    expect(created.EventBusArn).toBe('arn:aws:events:us-east-1:000000000000:event-bus/coffee');
    expect(byName).toMatchObject({ Name: 'coffee', Description: 'The shop' });
    expect(byName.CreationTime).toBeInstanceOf(Date);
    expect(byArn.Name).toBe('coffee');
    expect(listed.EventBuses?.map((bus) => bus.Name)).toEqual(['coffee']);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses a bus that exists and the deletion of the default bus', async () => {
    // Act
    const duplicate = await rejectionOf(h.events.send(new CreateEventBusCommand({ Name: 'default' })));
    const deleteDefault = await rejectionOf(h.events.send(new DeleteEventBusCommand({ Name: 'default' })));

    // Assert
    expect(duplicate).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(deleteDefault.name).toBe('ValidationException');
  });

  it('deletes a bus with its rules', async () => {
    // Arrange
    await h.events.send(new CreateEventBusCommand({ Name: 'doomed' }));
    await h.events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'doomed', EventPattern: PATTERN }));
    await h.events.send(
      new PutTargetsCommand({ Rule: 'r', EventBusName: 'doomed', Targets: [{ Id: 't', Arn: FUNCTION_ARN }] }),
    );

    // Act
    await h.events.send(new DeleteEventBusCommand({ Name: 'doomed' }));
    await h.events.send(new CreateEventBusCommand({ Name: 'doomed' }));
    const rules = await h.events.send(new ListRulesCommand({ EventBusName: 'doomed' }));

    // Assert
    expect(rules.Rules).toEqual([]);
  });
});

describe('rules', () => {
  it('puts, describes, lists, disables, enables and deletes a rule', async () => {
    // Act
    const put = await h.events.send(
      new PutRuleCommand({ Name: 'orders', EventPattern: PATTERN, Description: 'Order events' }),
    );
    const described = await h.events.send(new DescribeRuleCommand({ Name: 'orders' }));
    await h.events.send(new DisableRuleCommand({ Name: 'orders' }));
    const disabled = await h.events.send(new DescribeRuleCommand({ Name: 'orders' }));
    await h.events.send(new EnableRuleCommand({ Name: 'orders' }));
    const listed = await h.events.send(new ListRulesCommand({ NamePrefix: 'ord' }));
    await h.events.send(new DeleteRuleCommand({ Name: 'orders' }));
    const afterDelete = await rejectionOf(h.events.send(new DescribeRuleCommand({ Name: 'orders' })));

    // Assert
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/orders');
    expect(described).toMatchObject({
      Name: 'orders',
      EventPattern: PATTERN,
      State: 'ENABLED',
      Description: 'Order events',
      EventBusName: 'default',
    });
    expect(disabled.State).toBe('DISABLED');
    expect(listed.Rules).toEqual([expect.objectContaining({ Name: 'orders', State: 'ENABLED' })]);
    expect(afterDelete.name).toBe('ResourceNotFoundException');
  });

  it('names a custom bus in the rule ARN and finds the bus by ARN', async () => {
    // Arrange
    const { EventBusArn } = await h.events.send(new CreateEventBusCommand({ Name: 'rules-bus' }));

    // Act
    const put = await h.events.send(
      new PutRuleCommand({ Name: 'r1', EventBusName: EventBusArn, EventPattern: PATTERN }),
    );
    const listed = await h.events.send(new ListRulesCommand({ EventBusName: 'rules-bus' }));

    // Assert
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/rules-bus/r1');
    expect(listed.Rules?.map((rule) => rule.EventBusName)).toEqual(['rules-bus']);
  });

  it('pages through rules', async () => {
    // Arrange
    await h.events.send(new CreateEventBusCommand({ Name: 'paged' }));
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await h.events.send(new PutRuleCommand({ Name: name, EventBusName: 'paged', EventPattern: PATTERN }));
    }

    // Act
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await h.events.send(new ListRulesCommand({ EventBusName: 'paged', Limit: 2, NextToken }));
      names.push(...(page.Rules ?? []).map((rule) => rule.Name as string));
      NextToken = page.NextToken;
    } while (NextToken);

    // Assert
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it.each([
    [
      'an invalid pattern',
      { Name: 'bad', EventPattern: '{"source": "coffee.shop"}' },
      'InvalidEventPatternException',
    ],
    ['no pattern', { Name: 'bad' }, 'ValidationException'],
    ['a malformed schedule', { Name: 'bad', ScheduleExpression: 'rate(5 minute)' }, 'ValidationException'],
    [
      'a bus that does not exist',
      { Name: 'bad', EventBusName: 'nowhere', EventPattern: PATTERN },
      'ResourceNotFoundException',
    ],
    ['an invalid name', { Name: 'bad name', EventPattern: PATTERN }, 'ValidationException'],
  ])('refuses a rule with %s', async (_case, request, error) => {
    // Act
    const put = await rejectionOf(h.events.send(new PutRuleCommand(request)));

    // Assert
    expect(put.name).toBe(error);
  });

  it('refuses to delete a rule that has targets, and deleting a missing rule succeeds', async () => {
    // Arrange
    await h.events.send(new PutRuleCommand({ Name: 'kept', EventPattern: PATTERN }));
    await h.events.send(new PutTargetsCommand({ Rule: 'kept', Targets: [{ Id: 't', Arn: FUNCTION_ARN }] }));

    // Act
    const withTargets = await rejectionOf(h.events.send(new DeleteRuleCommand({ Name: 'kept' })));
    const missing = h.events.send(new DeleteRuleCommand({ Name: 'never-existed' }));

    // Assert
    expect(withTargets.message).toMatch(/can't be deleted since it has targets/);
    await expect(missing).resolves.toBeDefined();
  });
});

describe('targets', () => {
  it('puts, lists and removes targets, keeping their settings', async () => {
    // Arrange
    await h.events.send(new PutRuleCommand({ Name: 'with-targets', EventPattern: PATTERN }));
    const targets = [
      { Id: 'machine', Arn: MACHINE_ARN, InputPath: '$.detail' },
      {
        Id: 'function',
        Arn: FUNCTION_ARN,
        InputTransformer: { InputPathsMap: { id: '$.detail.orderId' }, InputTemplate: '{"order": <id>}' },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 },
      },
    ];

    // Act
    const put = await h.events.send(new PutTargetsCommand({ Rule: 'with-targets', Targets: targets }));
    const listed = await h.events.send(new ListTargetsByRuleCommand({ Rule: 'with-targets' }));
    await h.events.send(new RemoveTargetsCommand({ Rule: 'with-targets', Ids: ['machine', 'unknown'] }));
    const after = await h.events.send(new ListTargetsByRuleCommand({ Rule: 'with-targets' }));

    // Assert
    expect(put.FailedEntryCount).toBe(0);
    expect(listed.Targets).toEqual([targets[1], targets[0]]);
    expect(after.Targets?.map((target) => target.Id)).toEqual(['function']);
  });

  it.each([
    ['an SQS queue', { Id: 't', Arn: 'arn:aws:sqs:us-east-1:000000000000:queue' }, /cannot invoke/],
    [
      'Input and InputPath together',
      { Id: 't', Arn: FUNCTION_ARN, Input: '{}', InputPath: '$.detail' },
      /only one of Input, InputPath and InputTransformer/,
    ],
    ['Input that is not JSON', { Id: 't', Arn: FUNCTION_ARN, Input: '{oops' }, /not valid JSON/],
    [
      'an InputPath that is no path',
      { Id: 't', Arn: FUNCTION_ARN, InputPath: 'detail' },
      /not a valid JSONPath/,
    ],
    [
      'a reserved variable',
      {
        Id: 't',
        Arn: FUNCTION_ARN,
        InputTransformer: {
          InputPathsMap: { 'aws.events.rule-arn': '$.id' },
          InputTemplate: '<aws.events.rule-arn>',
        },
      },
      /reserved variable/,
    ],
    [
      'too many retries',
      { Id: 't', Arn: FUNCTION_ARN, RetryPolicy: { MaximumRetryAttempts: 186 } },
      /between 0 and 185/,
    ],
  ])('refuses a target with %s', async (_case, target, message) => {
    // Arrange
    await h.events.send(new PutRuleCommand({ Name: 'refusing', EventPattern: PATTERN }));

    // Act
    const put = await rejectionOf(
      h.events.send(new PutTargetsCommand({ Rule: 'refusing', Targets: [target] })),
    );

    // Assert
    expect(put.name).toBe('ValidationException');
    expect(put.message).toMatch(message);
  });

  it('refuses targets of a rule that does not exist', async () => {
    // Act
    const put = await rejectionOf(
      h.events.send(new PutTargetsCommand({ Rule: 'ghost', Targets: [{ Id: 't', Arn: FUNCTION_ARN }] })),
    );

    // Assert
    expect(put.name).toBe('ResourceNotFoundException');
    expect(put.message).toBe('Rule ghost does not exist on EventBus default.');
  });

  it('allows five targets per rule', async () => {
    // Arrange
    await h.events.send(new PutRuleCommand({ Name: 'crowded', EventPattern: PATTERN }));
    const targets = [1, 2, 3, 4, 5, 6].map((n) => ({ Id: `t${n}`, Arn: FUNCTION_ARN }));

    // Act
    const five = await h.events.send(
      new PutTargetsCommand({ Rule: 'crowded', Targets: targets.slice(0, 5) }),
    );
    const sixth = await rejectionOf(
      h.events.send(new PutTargetsCommand({ Rule: 'crowded', Targets: targets.slice(5) })),
    );

    // Assert
    expect(five.FailedEntryCount).toBe(0);
    expect(sixth).toBeInstanceOf(LimitExceededException);
  });
});

describe('TestEventPattern', () => {
  const event = JSON.stringify({
    id: 'e1',
    account: '000000000000',
    source: 'coffee.shop',
    time: '2024-05-01T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    'detail-type': 'OrderManager.OrderCompleted',
    detail: { shopId: 'main', total: 4.5 },
  });

  it.each([
    [{ source: ['coffee.shop'], detail: { total: [{ numeric: ['>', 4] }] } }, true],
    [{ 'detail-type': [{ prefix: 'OrderProcessor.' }] }, false],
  ])('tests %j', async (pattern, expected) => {
    // Act
    const result = await h.events.send(
      new TestEventPatternCommand({ EventPattern: JSON.stringify(pattern), Event: event }),
    );

    // Assert
    expect(result.Result).toBe(expected);
  });

  it('reports an invalid pattern and an event without its envelope', async () => {
    // Act
    const badPattern = await rejectionOf(
      h.events.send(new TestEventPatternCommand({ EventPattern: '{"source": []}', Event: event })),
    );
    const badEvent = await rejectionOf(
      h.events.send(new TestEventPatternCommand({ EventPattern: PATTERN, Event: '{"source": "x"}' })),
    );

    // Assert
    expect(badPattern).toBeInstanceOf(InvalidEventPatternException);
    expect(badPattern.message).toMatch(/Event pattern is not valid. Reason: Empty arrays are not allowed/);
    expect(badEvent.name).toBe('ValidationException');
  });
});
