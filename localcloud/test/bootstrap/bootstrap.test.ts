import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  PutEventsCommand,
} from '@aws-sdk/client-eventbridge';
import { DescribeStateMachineCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDeclaration } from '../../src/bootstrap/apply-declaration.js';
import type { ResourceDeclaration, TableDeclaration } from '../../src/bootstrap/resource-declaration.js';
import type { FunctionHost } from '../../src/lambda/function-host.js';
import { LocalCloud } from '../../src/local-cloud.js';
import { eventually, sdkConfig, startTestCloud, useTestCloud } from '../support/cloud.js';

const declaration: ResourceDeclaration = {
  tables: {
    greetings: {
      partitionKey: { name: 'id', type: 'S' },
      globalSecondaryIndexes: [{ name: 'byGreeting', partitionKey: { name: 'greeting', type: 'S' } }],
      timeToLiveAttribute: 'forgetAt',
    },
  },
  eventBuses: ['greeter'],
  functions: {
    greet: {
      entry: 'handlers.mjs',
      handler: 'greet',
      environment: { GREETINGS_TABLE: { table: 'greetings' } },
    },
  },
  stateMachines: {
    greeting: {
      definitionFile: 'greeting.asl.json',
      substitutions: { GreetFunction: { function: 'greet' } },
    },
  },
  rules: {
    'greet-on-arrival': {
      eventBus: 'greeter',
      eventPattern: { source: ['fixture'], 'detail-type': ['Arrived'] },
      targets: [{ id: 'workflow', stateMachine: 'greeting' }],
    },
  },
  userPools: {
    people: { groups: ['staff'], clients: ['web'], users: [{ username: 'pat', groups: ['staff'] }] },
  },
};

/** An application whose function keeps every event it is sent, sent it by a scheduled rule. */
const scheduled: ResourceDeclaration = {
  tables: { greetings: { partitionKey: { name: 'id', type: 'S' } } },
  functions: {
    remember: {
      entry: 'handlers.mjs',
      handler: 'remember',
      environment: { GREETINGS_TABLE: { table: 'greetings' } },
    },
  },
  rules: { tick: { schedule: 'rate(1 day)', targets: [{ id: 'remember', function: 'remember' }] } },
};

const t = useTestCloud();
const client = () => sdkConfig(t.cloud.endpoint);
const apply = async (changed: ResourceDeclaration = declaration) =>
  (await applyWithAccounts(changed)).resources;
/** The function hosts the applies started, ended after each test. */
const hosts: FunctionHost[] = [];
const applyWithAccounts = async (changed: ResourceDeclaration, userPassword?: string) => {
  const applied = await applyDeclaration(changed, {
    ...(userPassword !== undefined && { userPassword }),
    baseDir: join(import.meta.dirname, 'fixture'),
    endpoint: t.cloud.endpoint,
    region: 'us-east-1',
    accountId: t.cloud.accountId,
    lambda: t.cloud.lambda,
  });
  if (applied.functionHost) hosts.push(applied.functionHost);
  return applied;
};
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

describe('applying a resource declaration', () => {
  it('creates the declared resources, wired so an event runs the workflow that calls the function', async () => {
    // Act
    const resources = await apply();
    const events = new EventBridgeClient(client());
    await events.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: 'greeter', Source: 'fixture', DetailType: 'Arrived', Detail: '{"name":"Ada"}' },
        ],
      }),
    );

    // Assert
    const dynamodb = new DynamoDBClient(client());
    const table = await dynamodb.send(new DescribeTableCommand({ TableName: resources.tables.greetings }));
    expect(table.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byGreeting']);
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: resources.tables.greetings }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'forgetAt' });
    const item = await eventually(
      () => dynamodb.send(new GetItemCommand({ TableName: 'greetings', Key: { id: { S: 'Ada' } } })),
      (result) => result.Item !== undefined,
    );
    expect(item.Item?.greeting).toEqual({ S: 'Hello, Ada' });
    // The function's write lands before its answer reaches the workflow, which then succeeds.
    const executions = await eventually(
      () =>
        t.sfn.send(
          new ListExecutionsCommand({
            stateMachineArn: resources.stateMachines.greeting,
            statusFilter: 'SUCCEEDED',
          }),
        ),
      (result) => (result.executions?.length ?? 0) > 0,
    );
    expect(executions.executions).toHaveLength(1);
    expect(resources.userPools.people).toMatch(/^us-east-1_/);
    expect(resources.userPoolClients.people?.web).toEqual(expect.any(String));
    events.destroy();
    dynamodb.destroy();
  });

  it('is done once the declared tables take items, on a cloud whose new tables stay CREATING a while', async () => {
    // Arrange
    const slow = await startTestCloud({ tableStatusMs: 300 });
    const dynamodb = new DynamoDBClient(sdkConfig(slow.cloud.endpoint));
    await dynamodb.send(
      new CreateTableCommand({
        TableName: 'undeclared',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const created = await dynamodb.send(new DescribeTableCommand({ TableName: 'undeclared' }));

    try {
      // Act
      const { resources } = await applyDeclaration(
        { tables: declaration.tables },
        {
          baseDir: '.',
          endpoint: slow.cloud.endpoint,
          region: 'us-east-1',
          accountId: slow.cloud.accountId,
          lambda: slow.cloud.lambda,
        },
      );
      const put = dynamodb.send(
        new PutItemCommand({ TableName: resources.tables.greetings, Item: { id: { S: 'Ada' } } }),
      );

      // Assert
      expect(created.Table?.TableStatus).toBe('CREATING');
      await expect(put).resolves.toBeDefined();
    } finally {
      dynamodb.destroy();
      await slow.stop();
    }
  });

  it('changes nothing when applied again, and updates a state machine whose definition changed', async () => {
    // Arrange
    const first = await apply();

    // Act
    const again = await apply();
    const changed = await apply({
      ...declaration,
      stateMachines: {
        greeting: { definitionFile: 'greeting.asl.json', substitutions: { GreetFunction: 'greet' } },
      },
    });

    // Assert
    expect(again).toEqual(first);
    expect(changed.userPools.people).toBe(first.userPools.people);
    const machine = await t.sfn.send(
      new DescribeStateMachineCommand({ stateMachineArn: changed.stateMachines.greeting }),
    );
    expect(JSON.parse(machine.definition as string).States.Greet.Parameters.FunctionName).toBe('greet');
  });

  it('brings a table made by an earlier version to the indexes declared now, keeping its items', async () => {
    // Arrange: the first version's table, with visits in it
    const visits = (globalSecondaryIndexes?: TableDeclaration['globalSecondaryIndexes']) => ({
      tables: { visits: { partitionKey: { name: 'id', type: 'S' as const }, globalSecondaryIndexes } },
    });
    await apply(visits());
    const dynamodb = new DynamoDBClient(client());
    for (const [id, city] of [
      ['b', 'Oslo'],
      ['a', 'Lima'],
      ['c', 'Oslo'],
    ] as const)
      await dynamodb.send(
        new PutItemCommand({ TableName: 'visits', Item: { id: { S: id }, city: { S: city } } }),
      );
    const inOslo = async () =>
      (
        await dynamodb.send(
          new QueryCommand({
            TableName: 'visits',
            IndexName: 'byCity',
            KeyConditionExpression: 'city = :city',
            ExpressionAttributeValues: { ':city': { S: 'Oslo' } },
          }),
        )
      ).Items?.map((item) => item.id?.S);
    const indexKeys = async () =>
      (
        await dynamodb.send(new DescribeTableCommand({ TableName: 'visits' }))
      ).Table?.GlobalSecondaryIndexes?.map((index) => [
        index.IndexName,
        index.KeySchema?.map((key) => key.AttributeName),
      ]);

    // Act and assert: a version adds an index, the next one sorts it by id, the last drops it
    await apply(visits([{ name: 'byCity', partitionKey: { name: 'city', type: 'S' } }]));
    expect(await indexKeys()).toEqual([['byCity', ['city']]]);
    expect((await inOslo())?.sort()).toEqual(['b', 'c']);

    await apply(
      visits([
        { name: 'byCity', partitionKey: { name: 'city', type: 'S' }, sortKey: { name: 'id', type: 'S' } },
      ]),
    );
    expect(await indexKeys()).toEqual([['byCity', ['city', 'id']]]);
    expect(await inOslo()).toEqual(['b', 'c']);

    await apply(visits());
    expect(await indexKeys()).toBeUndefined();
    const { Count } = await dynamodb.send(new ScanCommand({ TableName: 'visits', ConsistentRead: true }));
    expect(Count).toBe(3);
    dynamodb.destroy();
  });

  it('creates declared accounts once, with a password that signs them in to their groups', async () => {
    // Arrange
    const fresh: ResourceDeclaration = {
      userPools: {
        crew: { groups: ['staff'], clients: ['web'], users: [{ username: 'sam', groups: ['staff'] }] },
      },
    };

    // Act
    const first = await applyWithAccounts(fresh);
    const second = await applyWithAccounts(fresh);
    const fixed = await applyWithAccounts(fresh, 'Fixed-Password-1');

    // Assert
    expect(first.createdAccounts).toEqual([
      { userPool: 'crew', username: 'sam', password: expect.any(String) },
    ]);
    expect(second.createdAccounts).toEqual([]);
    expect(fixed.createdAccounts).toEqual([]);
    const cognito = new CognitoIdentityProviderClient(client());
    const signIn = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: fixed.resources.userPoolClients.crew?.web,
        AuthParameters: { USERNAME: 'sam', PASSWORD: 'Fixed-Password-1' },
      }),
    );
    const claims = JSON.parse(
      Buffer.from(
        String(signIn.AuthenticationResult?.IdToken).split('.')[1] as string,
        'base64url',
      ).toString(),
    );
    expect(claims['cognito:groups']).toEqual(['staff']);
    cognito.destroy();
  });

  it('puts a declared scheduled rule on the default bus, with its targets', async () => {
    // Act
    const resources = await apply(scheduled);

    // Assert
    const events = new EventBridgeClient(client());
    const rule = await events.send(new DescribeRuleCommand({ Name: 'tick' }));
    const targets = await events.send(new ListTargetsByRuleCommand({ Rule: 'tick' }));
    expect(rule).toMatchObject({
      ScheduleExpression: 'rate(1 day)',
      State: 'ENABLED',
      EventBusName: 'default',
    });
    expect(rule.EventPattern).toBeUndefined();
    expect(targets.Targets).toEqual([{ Id: 'remember', Arn: resources.functions.remember }]);
    events.destroy();
  });

  it('refuses a reference to something the declaration does not declare', async () => {
    await expect(
      apply({
        ...declaration,
        functions: {
          greet: { entry: 'handlers.mjs', handler: 'greet', environment: { X: { table: 'nope' } } },
        },
      }),
    ).rejects.toThrow("The declaration refers to table 'nope', which it does not declare");
  });
});

describe('a declared scheduled rule', () => {
  it('fires once as the local cloud starts, every time it starts', async () => {
    // Arrange
    const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-scheduled-'));
    const start = () =>
      LocalCloud.start({
        dataDir,
        edgePort: 0,
        app: { declaration: scheduled, baseDir: join(import.meta.dirname, 'fixture') },
      });
    /** The events the function kept, polled until there are `count`. */
    const keptEvents = async (cloud: LocalCloud, count: number) => {
      const dynamodb = new DynamoDBClient(sdkConfig(cloud.endpoint));
      const scan = await eventually(
        () => dynamodb.send(new ScanCommand({ TableName: 'greetings' })),
        (result) => (result.Items?.length ?? 0) >= count,
      );
      dynamodb.destroy();
      return (scan.Items ?? []).map((item) => JSON.parse(item.event?.S as string));
    };
    let cloud = await start();

    try {
      // Act
      const afterFirstStart = await keptEvents(cloud, 1);
      await cloud.stop();
      cloud = await start();
      const afterSecondStart = await keptEvents(cloud, 2);

      // Assert
      const scheduledEvent = {
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        resources: ['arn:aws:events:us-east-1:000000000000:rule/tick'],
        detail: {},
      };
      expect(afterFirstStart).toEqual([expect.objectContaining(scheduledEvent)]);
      expect(afterSecondStart).toEqual([
        expect.objectContaining(scheduledEvent),
        expect.objectContaining(scheduledEvent),
      ]);
    } finally {
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
