import {
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  type Target,
} from '@aws-sdk/client-eventbridge';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformInput } from '../../src/eventbridge/targets/input-transformer.js';
import { createMachine } from '../support/cloud.js';
import { type EventBridgeHarness, startHarness } from './support/harness.js';
import { recordingFunction } from './support/recorder.js';

/** The EC2 event of the user guide's "Input transform examples". */
const EC2_EVENT = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING' },
};

/** The user guide's Input Path. */
const INPUT_PATHS = { timestamp: '$.time', instance: '$.detail.instance-id', state: '$.detail.state' };

const CONTEXT = {
  ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
  ruleName: 'example',
  ingestionTime: '2015-11-11T21:29:55.123Z',
};

const { detail: _detail, ...EVENT_WITHOUT_DETAIL } = EC2_EVENT;

describe('transformInput', () => {
  it.each([
    ['a simple string', '"instance <instance> is in <state>"', '"instance i-0123456789 is in RUNNING"'],
    [
      'a string with escaped quotes',
      '"instance \\"<instance>\\" is in <state>"',
      '"instance \\"i-0123456789\\" is in RUNNING"',
    ],
    [
      'simple JSON',
      '{\n  "instance" : <instance>,\n  "state": <state>\n}',
      '{\n  "instance" : "i-0123456789",\n  "state": "RUNNING"\n}',
    ],
    [
      'JSON with strings and variables',
      '{\n "instance" : <instance>,\n "state": "<state>",\n "instanceStatus": "instance \\"<instance>\\" is in <state>"\n}',
      '{\n "instance" : "i-0123456789",\n "state": "RUNNING",\n "instanceStatus": "instance \\"i-0123456789\\" is in RUNNING"\n}',
    ],
    [
      'JSON with a mix of variables and static information',
      '{\n  "instance" : <instance>,\n  "state": [ 9, <state>, true ],\n  "Transformed" : "Yes"\n}',
      '{\n  "instance" : "i-0123456789",\n  "state": [ 9, "RUNNING", true ],\n  "Transformed" : "Yes"\n}',
    ],
    ['reserved variables in a string', '"<aws.events.rule-name> triggered"', '"example triggered"'],
    [
      'an object inside a string, its quotes removed',
      '"Detail is <detail>"',
      '"Detail is {instance-id:i-0123456789,state:RUNNING}"',
    ],
    [
      'a variable whose path matches nothing',
      '{"a": <missing>, "b": "x<missing>y"}',
      '{"a": null, "b": "xy"}',
    ],
    ['angle brackets that name no variable', '"<b>bold</b> <state>"', '"<b>bold</b> RUNNING"'],
    ['the ingestion time', '{"at": <aws.events.event.ingestion-time>}', '{"at": "2015-11-11T21:29:55.123Z"}'],
  ])('renders %s', (_case, template, expected) => {
    // Arrange
    const transformer = {
      InputPathsMap: { ...INPUT_PATHS, detail: '$.detail', missing: '$.detail.nothing' },
      InputTemplate: template,
    };

    // Act
    const output = transformInput(transformer, EC2_EVENT, CONTEXT);

    // Assert
    expect(output).toBe(expected);
  });

  it('includes reserved variables in JSON: the rule and the original event', () => {
    // Arrange
    const transformer = {
      InputPathsMap: INPUT_PATHS,
      InputTemplate:
        '{"instance": <instance>, "state": <state>, "ruleArn": <aws.events.rule-arn>, "ruleName": <aws.events.rule-name>, "originalEvent": <aws.events.event>, "fullEvent": <aws.events.event.json>}',
    };

    // Act
    const output = JSON.parse(transformInput(transformer, EC2_EVENT, CONTEXT));

    // Assert
    expect(output).toEqual({
      instance: 'i-0123456789',
      state: 'RUNNING',
      ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
      ruleName: 'example',
      originalEvent: EVENT_WITHOUT_DETAIL,
      fullEvent: EC2_EVENT,
    });
  });
});

describe('target input on delivery', () => {
  let h: EventBridgeHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('gives each target the whole event, Input, InputPath or the transformed input', async () => {
    // Arrange
    const fns = ['whole', 'constant', 'path', 'transformed'].map((name) =>
      recordingFunction(h.lambda, `input-${name}`),
    );
    const [whole, constant, path, transformed] = fns;
    const machineArn = await createMachine(h.sfn, {
      StartAt: 'Done',
      States: { Done: { Type: 'Pass', End: true } },
    });
    const transformer = {
      InputPathsMap: { order: '$.detail.orderId', shop: '$.detail.shopId' },
      InputTemplate:
        '{"orderId": <order>, "message": "order <order> at <shop>", "rule": <aws.events.rule-name>}',
    };
    const targets: Target[] = [
      { Id: 'whole', Arn: whole?.arn },
      { Id: 'constant', Arn: constant?.arn, Input: '{ "fixed": [1, 2] }' },
      { Id: 'path', Arn: path?.arn, InputPath: '$.detail' },
      { Id: 'transformed', Arn: transformed?.arn, InputTransformer: transformer },
      { Id: 'machine', Arn: machineArn, InputTransformer: transformer },
    ];
    await h.events.send(new PutRuleCommand({ Name: 'inputs', EventPattern: '{"source": ["coffee.shop"]}' }));
    await h.events.send(new PutTargetsCommand({ Rule: 'inputs', Targets: targets }));

    // Act
    const put = await h.events.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: 'coffee.shop',
            DetailType: 'OrderManager.OrderSubmitted',
            Detail: '{"shopId":"main","orderId":"o-7"}',
          },
        ],
      }),
    );
    await h.service.idle();

    // Assert
    const expectedTransformed = { orderId: 'o-7', message: 'order o-7 at main', rule: 'inputs' };
    expect(whole?.events).toEqual([
      expect.objectContaining({ id: put.Entries?.[0]?.EventId, detail: { shopId: 'main', orderId: 'o-7' } }),
    ]);
    expect(constant?.events).toEqual([{ fixed: [1, 2] }]);
    expect(path?.events).toEqual([{ shopId: 'main', orderId: 'o-7' }]);
    expect(transformed?.events).toEqual([expectedTransformed]);
    const [execution] =
      (await h.sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn }))).executions ?? [];
    const described = await h.sfn.send(
      new DescribeExecutionCommand({ executionArn: execution?.executionArn }),
    );
    expect(described.input).toBe(JSON.stringify(expectedTransformed));
  });

  it('dead-letters at once an input that is not JSON for a Lambda function', async () => {
    // Arrange
    const fn = recordingFunction(h.lambda, 'input-text');
    await h.events.send(
      new PutRuleCommand({ Name: 'text-input', EventPattern: '{"source": ["text.input"]}' }),
    );
    await h.events.send(
      new PutTargetsCommand({
        Rule: 'text-input',
        Targets: [
          { Id: 'text', Arn: fn.arn, InputTransformer: { InputTemplate: 'plain <aws.events.rule-name>' } },
        ],
      }),
    );

    // Act
    await h.events.send(
      new PutEventsCommand({ Entries: [{ Source: 'text.input', DetailType: 'T', Detail: '{}' }] }),
    );
    await h.service.idle();

    // Assert
    expect(fn.events).toEqual([]);
    const letters = await h.service.listDeadLetters();
    expect(letters).toEqual([
      expect.objectContaining({
        target: { id: 'text', arn: fn.arn },
        attempts: 1,
        error: expect.objectContaining({ code: 'InvalidTargetInput' }),
      }),
    ]);
  });
});
