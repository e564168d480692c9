import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createActiveTable,
  createMachine,
  historyOf,
  run,
  sdkConfig,
  startExecution,
  useTestCloud,
  waitForEnd,
} from '../support/cloud.js';
import { typesOf } from '../support/history.js';
import { functionArn, namedError, recordInvocations } from '../support/lambdas.js';

const TABLE = 'Orders';

const t = useTestCloud();
let ddb: DynamoDBClient;
let eventBridge: EventBridgeClient;
let delivered: ReturnType<
  typeof recordInvocations<{ source: string; 'detail-type': string; detail: unknown }>
>;
beforeAll(async () => {
  const client = sdkConfig(t.cloud.endpoint);
  ddb = new DynamoDBClient(client);
  await createActiveTable(ddb, {
    TableName: TABLE,
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
  eventBridge = new EventBridgeClient(client);
  await eventBridge.send(new CreateEventBusCommand({ Name: 'shop' }));
  await eventBridge.send(
    new PutRuleCommand({
      Name: 'orders',
      EventBusName: 'shop',
      EventPattern: '{"source":["coffee.orders"]}',
    }),
  );
  delivered = recordInvocations(t.cloud.stepFunctions.lambda, 'int-events-sink', () => ({}));
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: 'orders',
      EventBusName: 'shop',
      Targets: [{ Id: 'sink', Arn: functionArn('int-events-sink') }],
    }),
  );
  t.cloud.stepFunctions.lambda.register('int-greet', (event) => ({
    greeting: `Hello, ${(event as { name: string }).name}`,
  }));
  t.cloud.stepFunctions.lambda.register('int-fail', () => {
    throw namedError('OrderRejected', 'The order cannot be made');
  });
});
afterAll(async () => {
  ddb.destroy();
  eventBridge.destroy();
});

/** Runs a one-Task machine and returns the execution's description. */
async function runTask(task: object, input: unknown = {}) {
  const arn = await createMachine(t.sfn, {
    StartAt: 'Call',
    States: { Call: { Type: 'Task', End: true, ...task } },
  });
  return run(t.sfn, arn, input);
}

describe('Lambda', () => {
  it('gives lambda:invoke the Invoke response, with the function result in Payload', async () => {
    // Act
    const result = await runTask(
      {
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'int-greet', 'Payload.$': '$' },
      },
      { name: 'Ada' },
    );

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { greeting: 'Hello, Ada' },
      StatusCode: 200,
    });
  });

  it.each([
    ['a function name', 'int-greet'],
    ['a function ARN', functionArn('int-greet')],
    ['a partial ARN', '000000000000:function:int-greet'],
  ])('finds the function of lambda:invoke by %s', async (_case, functionName) => {
    // Act
    const result = await runTask(
      {
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: functionName, Payload: { name: 'Bo' } },
        OutputPath: '$.Payload',
      },
      {},
    );

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"Hello, Bo"}' });
  });

  it('gives a Task on a function ARN the function result itself, with the state input as the event', async () => {
    // Act
    const result = await runTask({ Resource: functionArn('int-greet') }, { name: 'Cy' });

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"Hello, Cy"}' });
  });

  it('reports a function error under its errorType with the error payload as cause', async () => {
    // Act
    const result = await runTask({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'int-fail' },
    });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'OrderRejected' });
    expect(JSON.parse(result.cause as string)).toMatchObject({
      errorType: 'OrderRejected',
      errorMessage: 'The order cannot be made',
    });
  });

  it('fails with Lambda.ResourceNotFoundException for a function that does not exist', async () => {
    // Act
    const result = await runTask({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'int-nobody' },
    });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
  });
});

describe('DynamoDB', () => {
  it('puts, gets, updates and deletes an item', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: TABLE, Item: { id: { 'S.$': '$.id' }, drink: { S: 'latte' } } },
          ResultPath: null,
          Next: 'Update',
        },
        Update: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:updateItem',
          Parameters: {
            TableName: TABLE,
            Key: { id: { 'S.$': '$.id' } },
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': { S: 'READY' } },
            ReturnValues: 'ALL_NEW',
          },
          ResultSelector: { 'status.$': '$.Attributes.status.S' },
          ResultPath: '$.updated',
          Next: 'Get',
        },
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: TABLE, Key: { id: { 'S.$': '$.id' } } },
          ResultSelector: { 'drink.$': '$.Item.drink.S', 'status.$': '$.Item.status.S' },
          ResultPath: '$.item',
          Next: 'Delete',
        },
        Delete: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:deleteItem',
          Parameters: { TableName: TABLE, Key: { id: { 'S.$': '$.id' } } },
          ResultPath: null,
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { id: 'order-1' });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual({
      id: 'order-1',
      updated: { status: 'READY' },
      item: { drink: 'latte', status: 'READY' },
    });
    const left = await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'order-1' } } }));
    expect(left.Item).toBeUndefined();
    const history = await historyOf(t.sfn, result.executionArn as string);
    expect(history.find((event) => event.type === 'TaskScheduled')?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'dynamodb',
      resource: 'putItem',
    });
  });

  it('fails with DynamoDB.ConditionalCheckFailedException, which Catch can handle', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'PutOnce',
      States: {
        PutOnce: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: {
            TableName: TABLE,
            Item: { id: { 'S.$': '$.id' } },
            ConditionExpression: 'attribute_not_exists(id)',
          },
          ResultPath: null,
          Catch: [
            {
              ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'],
              ResultPath: '$.error',
              Next: 'Duplicate',
            },
          ],
          End: true,
        },
        Duplicate: { Type: 'Pass', End: true },
      },
    });

    // Act
    const first = await run(t.sfn, arn, { id: 'order-2' });
    const second = await run(t.sfn, arn, { id: 'order-2' });

    // Assert
    expect(first).toMatchObject({ status: 'SUCCEEDED', output: '{"id":"order-2"}' });
    expect(second.status).toBe('SUCCEEDED');
    expect(JSON.parse(second.output as string)).toMatchObject({
      id: 'order-2',
      error: { Error: 'DynamoDB.ConditionalCheckFailedException' },
    });
  });

  it('fails with DynamoDB.ResourceNotFoundException for a table that does not exist', async () => {
    // Act
    const result = await runTask({
      Resource: 'arn:aws:states:::dynamodb:getItem',
      Parameters: { TableName: 'NoSuchTable', Key: { id: { S: 'x' } } },
    });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'DynamoDB.ResourceNotFoundException' });
  });

  it('waits for the task token of a putItem.waitForTaskToken task', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Queue',
      States: {
        Queue: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem.waitForTaskToken',
          Parameters: { TableName: TABLE, Item: { id: { S: 'order-3' }, token: { 'S.$': '$$.Task.Token' } } },
          End: true,
        },
      },
    });
    const executionArn = await startExecution(t.sfn, arn);
    let token: string | undefined;
    while (!token) {
      const item = await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'order-3' } } }));
      token = item.Item?.token?.S;
    }

    // Act
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"made":true}' }));

    // Assert
    expect(await waitForEnd(t.sfn, executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"made":true}',
    });
  });
});

describe('EventBridge', () => {
  it('puts events with putEvents, sending a JSON Detail as text, and outputs the PutEvents response', async () => {
    // Arrange
    const before = delivered.events.length;

    // Act
    const result = await runTask(
      {
        Resource: 'arn:aws:states:::events:putEvents',
        Parameters: {
          Entries: [
            {
              Source: 'coffee.orders',
              DetailType: 'OrderPlaced',
              EventBusName: 'shop',
              Detail: { 'orderId.$': '$.orderId', drink: 'flat white' },
            },
          ],
        },
      },
      { orderId: 'o-42' },
    );

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toMatchObject({
      FailedEntryCount: 0,
      Entries: [{ EventId: expect.any(String) }],
    });
    const event = await delivered.nth(before + 1);
    expect(event).toMatchObject({
      source: 'coffee.orders',
      'detail-type': 'OrderPlaced',
      detail: { orderId: 'o-42', drink: 'flat white' },
    });
    const history = await historyOf(t.sfn, result.executionArn as string);
    expect(history.find((entry) => entry.type === 'TaskScheduled')?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'events',
      resource: 'putEvents',
    });
  });

  it('fails with EventBridge.FailedEntry when EventBridge rejects an entry', async () => {
    // Act
    const result = await runTask({
      Resource: 'arn:aws:states:::events:putEvents',
      Parameters: {
        Entries: [{ Source: 'coffee.orders', DetailType: 'X', Detail: {}, EventBusName: 'no-such-bus' }],
      },
    });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'EventBridge.FailedEntry' });
  });
});

describe('AWS SDK integration aws-sdk:sfn:listExecutions', () => {
  it('lists the executions of a state machine with the SDK field names', async () => {
    // Arrange
    const target = await createMachine(t.sfn, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const done = await run(t.sfn, target);

    // Act
    const result = await runTask(
      {
        Resource: 'arn:aws:states:::aws-sdk:sfn:listExecutions',
        Parameters: { StateMachineArn: target },
      },
      {},
    );

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const output = JSON.parse(result.output as string);
    expect(output.Executions).toHaveLength(1);
    expect(output.Executions[0]).toMatchObject({
      ExecutionArn: done.executionArn,
      StateMachineArn: target,
      Status: 'SUCCEEDED',
    });
    const history = await historyOf(t.sfn, result.executionArn as string);
    expect(typesOf(history)).toContain('TaskSucceeded');
    expect(history.find((event) => event.type === 'TaskScheduled')?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'aws-sdk:sfn',
      resource: 'listExecutions',
    });
  });

  it('fails with Sfn.StateMachineDoesNotExistException for an unknown state machine', async () => {
    // Act
    const result = await runTask({
      Resource: 'arn:aws:states:::aws-sdk:sfn:listExecutions',
      Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:int-nothing' },
    });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'Sfn.StateMachineDoesNotExistException' });
  });
});

describe('Task resources', () => {
  it('rejects a definition whose Task resource is not a supported integration', async () => {
    // Act
    const created = createMachine(t.sfn, {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.sync', End: true } },
    });

    // Assert
    await expect(created).rejects.toMatchObject({ name: 'InvalidDefinition' });
  });

  it('records each function invocation once per attempt', async () => {
    // Arrange
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, 'int-counted', () => 'ok');

    // Act
    await runTask({ Resource: functionArn('int-counted') }, { n: 1 });

    // Assert
    expect(calls.events).toEqual([{ n: 1 }]);
  });
});
