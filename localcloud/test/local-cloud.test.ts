import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, ListEventBusesCommand } from '@aws-sdk/client-eventbridge';
import { DescribeExecutionCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { LocalCloud } from '../src/local-cloud.js';
import { StepFunctionsEngine } from '../src/stepfunctions/engine/engine.js';
import { createActiveTable, sdkConfig, useTestCloud } from './support/cloud.js';

const t = useTestCloud();
const client = () => ({
  endpoint: t.cloud.endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'any', secretAccessKey: 'any' },
});

describe('the local cloud', () => {
  it('answers every service on the one edge port, with any region and credentials', async () => {
    const events = new EventBridgeClient(client());
    const buses = await events.send(new ListEventBusesCommand({}));
    const machines = await t.sfn.send(new ListStateMachinesCommand({}));
    expect(buses.EventBuses?.map((bus) => bus.Name)).toContain('default');
    expect(machines.stateMachines).toEqual(expect.any(Array));
    events.destroy();
  });

  it('keeps DynamoDB items and sent messages across a restart', async () => {
    // Arrange
    let dynamodb = new DynamoDBClient(client());
    await createActiveTable(dynamodb, {
      TableName: 'kept',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    await dynamodb.send(
      new PutItemCommand({ TableName: 'kept', Item: { id: { S: 'cup' }, size: { S: 'large' } } }),
    );
    await t.cloud.outbox.send({
      to: 'ada@example.com',
      subject: 'Your code',
      body: 'Code 123456',
      code: '123456',
    });
    dynamodb.destroy();

    // Act
    await t.restart();

    // Assert
    dynamodb = new DynamoDBClient(client());
    const item = await dynamodb.send(new GetItemCommand({ TableName: 'kept', Key: { id: { S: 'cup' } } }));
    expect(item.Item).toEqual({ id: { S: 'cup' }, size: { S: 'large' } });
    const outbox = (await (await fetch(`${t.cloud.endpoint}/_localcloud/outbox`)).json()) as Array<{
      to: string;
      code: string;
    }>;
    expect(outbox).toContainEqual(expect.objectContaining({ to: 'ada@example.com', code: '123456' }));
    dynamodb.destroy();
  });

  it('says which request no service answers, in a JSON error', async () => {
    const response = await fetch(`${t.cloud.endpoint}/nothing-here`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('keeps a finished execution for the retention it is given, 90 days unless told', async () => {
    // Arrange: an execution that ended on New Year's Day 2020.
    const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-retention-'));
    const engine = await StepFunctionsEngine.open({
      dataDir: join(dataDir, 'stepfunctions'),
      now: () => Date.UTC(2020, 0, 1),
    });
    const machine = await engine.createStateMachine({
      name: 'brew',
      definition: JSON.stringify({ StartAt: 'Brew', States: { Brew: { Type: 'Pass', End: true } } }),
      roleArn: 'role',
    });
    const ended = new Promise((resolve) => engine.onExecutionClosed(resolve));
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine.stateMachineArn });
    await ended;
    await engine.close();
    const describe = async (executionRetentionDays?: number) => {
      const cloud = await LocalCloud.start({
        dataDir,
        edgePort: 0,
        ...(executionRetentionDays !== undefined && { executionRetentionDays }),
      });
      const sfn = new SFNClient(sdkConfig(cloud.endpoint));
      try {
        // The deletion that starts with the cloud, or one after it that finds nothing more.
        await cloud.stepFunctions.deleteExpiredExecutions();
        return await sfn.send(new DescribeExecutionCommand({ executionArn })).then(
          (execution) => execution.status,
          (error: Error) => error.name,
        );
      } finally {
        sfn.destroy();
        await cloud.stop();
      }
    };

    // Act
    const kept = await describe(365_000);
    const byDefault = await describe();
    rmSync(dataDir, { recursive: true, force: true });

    // Assert
    expect(kept).toBe('SUCCEEDED');
    expect(byDefault).toBe('ExecutionDoesNotExist');
  });
});
