import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, ListRulesCommand, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateStateMachineCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { LocalCloud } from '@coffee/localcloud';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anyJson, anyText, deepJson, malformedJson, wrongValue } from './support/arbitraries.js';
import { callEdge, expectAwsAnswer, type JsonProtocol, PROTOCOLS } from './support/edge-probe.js';
import { attackerKey, forgeriesOf, randomJwt } from './support/forged-tokens.js';
import { check, FUZZ_RUNS, InputCounter } from './support/fuzz-settings.js';

/**
 * Bad input against the AWS protocols of the local edge (issue 8, "bad input"): Step Functions
 * (JSON 1.0), EventBridge (JSON 1.1), Cognito user pools (JSON 1.1) and DynamoDB (dynalite, JSON
 * 1.0). Each action of DESIGN's list gets requests whose fields are plausible (the ids of real
 * resources), wrong (every JSON type, unicode, deep nesting, huge) or missing; each answer must be
 * a success or a 4xx naming an AWS error in `__type`, never a 5xx, never a hang, and the edge must
 * still answer afterwards.
 */

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const PASSWORD = 'Fuzz-Password-1';

let cloud: LocalCloud;
let dataDir: string;
const inputs = new InputCounter();
/** Real resources, so that fuzzed requests also reach past the "does it exist" checks. */
const real = {
  stateMachineArn: '',
  executionArn: '',
  ruleName: 'fuzz-rule',
  tableName: 'fuzz-table',
  poolId: '',
  clientId: '',
  accessToken: '',
  refreshToken: '',
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'backend-fuzz-edge-'));
  cloud = await LocalCloud.start({ dataDir, edgePort: 0, outboxLog: () => undefined });
  const sdk = {
    endpoint: cloud.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const sfn = new SFNClient(sdk);
  const events = new EventBridgeClient(sdk);
  const dynamo = new DynamoDBClient(sdk);
  const idp = new CognitoIdentityProviderClient(sdk);
  try {
    const machine = await sfn.send(
      new CreateStateMachineCommand({
        name: 'fuzz-machine',
        roleArn: 'arn:aws:iam::000000000000:role/fuzz',
        definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }),
      }),
    );
    real.stateMachineArn = machine.stateMachineArn as string;
    real.executionArn = (await sfn.send(new StartExecutionCommand({ stateMachineArn: real.stateMachineArn })))
      .executionArn as string;
    await events.send(new PutRuleCommand({ Name: real.ruleName, EventPattern: '{"source":["fuzz"]}' }));
    await dynamo.send(
      new CreateTableCommand({
        TableName: real.tableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    real.poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'fuzz-pool' }))).UserPool
      ?.Id as string;
    real.clientId = (
      await idp.send(
        new CreateUserPoolClientCommand({
          UserPoolId: real.poolId,
          ClientName: 'fuzz-client',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient?.ClientId as string;
    await idp.send(new CreateGroupCommand({ UserPoolId: real.poolId, GroupName: 'fuzz-group' }));
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: real.poolId,
        Username: 'fuzz-user',
        MessageAction: 'SUPPRESS',
      }),
    );
    await idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: real.poolId,
        Username: 'fuzz-user',
        Password: PASSWORD,
        Permanent: true,
      }),
    );
    const signIn = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: real.clientId,
        AuthParameters: { USERNAME: 'fuzz-user', PASSWORD },
      }),
    );
    real.accessToken = signIn.AuthenticationResult?.AccessToken as string;
    real.refreshToken = signIn.AuthenticationResult?.RefreshToken as string;
  } finally {
    for (const client of [sfn, events, dynamo, idp]) client.destroy();
  }
}, 30_000);

afterEach(async () => {
  // Never a crash: each service still answers a plain request through the official SDK.
  const sdk = {
    endpoint: cloud.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const sfn = new SFNClient(sdk);
  const events = new EventBridgeClient(sdk);
  const dynamo = new DynamoDBClient(sdk);
  try {
    await sfn.send(new ListStateMachinesCommand({}));
    await events.send(new ListRulesCommand({}));
    await dynamo.send(new ListTablesCommand({}));
  } finally {
    for (const client of [sfn, events, dynamo]) client.destroy();
  }
});

afterAll(async () => {
  console.info(inputs.summary('fuzz-edge'));
  await cloud?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// ---- field generators: a plausible value, the id of a real resource, or a wrong one ----

const either = <T>(...plausible: fc.Arbitrary<T>[]) =>
  fc.oneof({ weight: 2, arbitrary: fc.oneof(...plausible) }, { weight: 1, arbitrary: wrongValue });
const realOr = (value: () => string, ...others: string[]) =>
  either(
    fc.constant(null).map(() => value()),
    fc.constant(null).map(() => `${value()}x`),
    fc.constantFrom('', 'arn:aws:states:us-east-1:000000000000:stateMachine:nope', ...others),
    anyText(),
  );
const name = either(fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/), anyText(90));
const jsonText = either(
  anyJson.map((value) => JSON.stringify(value)),
  malformedJson,
  fc.integer({ min: 100, max: 5_000 }).map((depth) => deepJson(depth, 'object')),
  fc.constantFrom(256 * 1024 + 1).map((size) => JSON.stringify('x'.repeat(size))),
);
const count = either(fc.integer({ min: -5, max: 2_000 }));
const tokenText = either(fc.base64String({ maxLength: 200 }), randomJwt, anyText(300));
const list = <T>(item: fc.Arbitrary<T>) => either(fc.array(item, { maxLength: 12 }));
const stringMap = either(fc.dictionary(anyText(20), anyText(40), { maxKeys: 5 }));

const definition = either(
  fc.constant(JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })),
  fc
    .record({
      StartAt: either(fc.constantFrom('A', 'B')),
      States: either(
        fc.dictionary(
          fc.constantFrom('A', 'B'),
          fc.record(
            {
              Type: either(
                fc.constantFrom('Pass', 'Task', 'Wait', 'Choice', 'Map', 'Parallel', 'Fail', 'Succeed'),
              ),
              Next: either(fc.constantFrom('A', 'B', 'C')),
              End: either(fc.boolean()),
              Resource: either(
                fc.constantFrom('arn:aws:states:::lambda:invoke', 'arn:aws:states:::events:putEvents'),
              ),
              Seconds: either(fc.integer()),
              Parameters: anyJson,
              ResultPath: either(fc.constantFrom('$', '$.a', '$$', '$.[', 'bad')),
              Choices: anyJson,
              Iterator: anyJson,
            },
            { requiredKeys: [] },
          ),
          { maxKeys: 3 },
        ),
      ),
    })
    .map((value) => JSON.stringify(value)),
  jsonText,
);

const eventPattern = either(
  fc
    .dictionary(
      fc.constantFrom('source', 'detail-type', 'detail', 'account', 'region'),
      fc.oneof(
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
        fc.array(
          fc.record(
            {
              prefix: anyJson,
              suffix: anyJson,
              'anything-but': anyJson,
              numeric: fc.array(
                fc.oneof(fc.constantFrom('>', '<', '=', '>=', '<='), fc.double(), fc.string()),
              ),
              exists: anyJson,
              wildcard: anyJson,
              'equals-ignore-case': anyJson,
              cidr: anyJson,
            },
            { requiredKeys: [] },
          ),
          { maxLength: 2 },
        ),
        anyJson,
      ),
      { maxKeys: 4 },
    )
    .map((pattern) => JSON.stringify(pattern)),
  jsonText,
);

const attributeValue = fc.oneof(
  fc.record({ S: either(anyText(50)) }),
  fc.record({ N: either(fc.constantFrom('1', '1e400', '-0', 'NaN', '1'.repeat(50), '0x10')) }),
  fc.record({ B: either(fc.base64String()) }),
  fc.record({ BOOL: anyJson }),
  fc.record({ NULL: anyJson }),
  fc.record({ SS: anyJson }),
  fc.record({ L: anyJson }),
  fc.record({ M: anyJson }),
  fc.dictionary(fc.constantFrom('S', 'N', 'X', 'B'), anyJson, { maxKeys: 3 }),
  wrongValue,
);
const item = either(
  fc.dictionary(fc.oneof(fc.constant('id'), anyText(10)), attributeValue, { maxKeys: 4 }),
  fc.record({ id: attributeValue }),
);
const expression = either(
  fc.constantFrom(
    'SET a = :v',
    'SET #a = if_not_exists(#a, :z) + :one',
    'REMOVE a, b',
    'ADD n :one',
    'id = :id',
    'attribute_not_exists(id) OR n > :z',
    'begins_with(a, :v)',
    'SET a = list_append(a, :l)',
    'SET a.b[0].c = :v',
    'SET a[99999999999] = :v',
    'size(a) > :v AND NOT contains(b, :v)',
  ),
  anyText(80),
  // Kept shallow on purpose: dynalite's expression parser takes time exponential in the nesting
  // depth (16 levels ≈ 1 s, 25 levels ≈ minutes), and it runs in the local cloud's process, so one
  // such request freezes every service. Reported; see `backend/test/security/README.md`.
  fc.integer({ min: 1, max: 6 }).map((depth) => `${'('.repeat(depth)}a = :v${')'.repeat(depth)}`),
);

/**
 * Table names for the Time to Live actions, which the local cloud answers itself: the real table,
 * names of a valid form, or no string at all — not strings of an invalid form, which it answers
 * with a 500 (a known bug, pinned by its own test below).
 */
const ttlTableName = fc.oneof(
  fc.constant(real.tableName),
  fc.stringMatching(/^[A-Za-z0-9_.-]{3,255}$/),
  wrongValue.filter((value) => typeof value !== 'string'),
);

/** One action to fuzz: its protocol, name, and a generator per field it reads. */
interface FuzzedAction {
  protocol: JsonProtocol;
  action: string;
  fields: Record<string, fc.Arbitrary<unknown>>;
}

/** The actions of one protocol, from `[name, fields]` pairs. */
const actionsOf = (protocol: JsonProtocol, table: unknown[][]): FuzzedAction[] =>
  table.map(([action, fields]) => ({
    protocol,
    action: action as string,
    fields: fields as Record<string, fc.Arbitrary<unknown>>,
  }));

/** Each action of DESIGN's list, with a generator per field it reads. */
const ACTIONS: FuzzedAction[] = [
  ...actionsOf(PROTOCOLS.stepFunctions, [
    [
      'CreateStateMachine',
      {
        name,
        definition,
        roleArn: anyText(),
        type: either(fc.constantFrom('STANDARD', 'EXPRESS')),
        tags: anyJson,
      },
    ],
    [
      'UpdateStateMachine',
      { stateMachineArn: realOr(() => real.stateMachineArn), definition, roleArn: anyText() },
    ],
    ['DescribeStateMachine', { stateMachineArn: realOr(() => real.stateMachineArn) }],
    ['ListStateMachines', { maxResults: count, nextToken: tokenText }],
    ['DeleteStateMachine', { stateMachineArn: realOr(() => `${real.stateMachineArn}-never`) }],
    [
      'StartExecution',
      { stateMachineArn: realOr(() => real.stateMachineArn), name, input: jsonText, traceHeader: anyText() },
    ],
    ['DescribeExecution', { executionArn: realOr(() => real.executionArn) }],
    [
      'ListExecutions',
      {
        stateMachineArn: realOr(() => real.stateMachineArn),
        statusFilter: either(fc.constantFrom('RUNNING', 'SUCCEEDED', 'FAILED', 'running')),
        maxResults: count,
        nextToken: tokenText,
      },
    ],
    [
      'StopExecution',
      { executionArn: realOr(() => real.executionArn), error: anyText(300), cause: anyText(300) },
    ],
    [
      'GetExecutionHistory',
      {
        executionArn: realOr(() => real.executionArn),
        maxResults: count,
        nextToken: tokenText,
        reverseOrder: either(fc.boolean()),
        includeExecutionData: either(fc.boolean()),
      },
    ],
    ['SendTaskSuccess', { taskToken: tokenText, output: jsonText }],
    ['SendTaskFailure', { taskToken: tokenText, error: anyText(300), cause: anyText(300) }],
    ['SendTaskHeartbeat', { taskToken: tokenText }],
  ]),
  ...actionsOf(PROTOCOLS.eventBridge, [
    [
      'PutEvents',
      {
        Entries: list(
          fc.record(
            {
              Source: either(fc.constantFrom('fuzz', 'aws.fuzz', '')),
              DetailType: either(anyText()),
              Detail: jsonText,
              EventBusName: either(
                fc.constantFrom('default', 'nope', 'arn:aws:events:us-east-1:000000000000:event-bus/default'),
              ),
              Resources: list(anyText()),
              Time: either<unknown>(fc.constantFrom('2026-01-01T00:00:00Z', 'yesterday'), fc.integer()),
            },
            { requiredKeys: [] },
          ),
        ),
      },
    ],
    [
      'PutRule',
      {
        Name: either(fc.constant(`${real.ruleName}-fuzzed`), name),
        EventPattern: eventPattern,
        ScheduleExpression: either(fc.constantFrom('rate(5 minutes)', 'cron(0 12 * * ? *)', 'rate(0 days)')),
        State: either(fc.constantFrom('ENABLED', 'DISABLED')),
        EventBusName: either(fc.constantFrom('default', 'nope')),
        Description: anyText(600),
      },
    ],
    [
      'PutTargets',
      {
        Rule: either(fc.constant(`${real.ruleName}-fuzzed`), name),
        EventBusName: either(fc.constantFrom('default', 'nope')),
        Targets: list(
          fc.record(
            {
              Id: name,
              Arn: either(
                fc.constantFrom('arn:aws:lambda:us-east-1:000000000000:function:nope', 'arn:aws:sqs:x'),
              ),
              Input: jsonText,
              InputPath: either(fc.constantFrom('$', '$.detail', '$[', 'x')),
              InputTransformer: either(fc.record({ InputPathsMap: stringMap, InputTemplate: anyText(80) })),
            },
            { requiredKeys: [] },
          ),
        ),
      },
    ],
    [
      'ListRules',
      {
        NamePrefix: anyText(),
        EventBusName: either(fc.constantFrom('default', 'nope')),
        Limit: count,
        NextToken: tokenText,
      },
    ],
    [
      'ListTargetsByRule',
      {
        Rule: either(fc.constant(real.ruleName), name),
        EventBusName: anyText(),
        Limit: count,
        NextToken: tokenText,
      },
    ],
    [
      'DeleteRule',
      {
        Name: either(fc.constant(`${real.ruleName}-fuzzed`), name),
        EventBusName: anyText(),
        Force: either(fc.boolean()),
      },
    ],
    [
      'RemoveTargets',
      {
        Rule: either(fc.constant(`${real.ruleName}-fuzzed`), name),
        Ids: list(name),
        Force: either(fc.boolean()),
      },
    ],
    ['TestEventPattern', { EventPattern: eventPattern, Event: jsonText }],
  ]),
  ...actionsOf(PROTOCOLS.cognito, [
    [
      'InitiateAuth',
      {
        AuthFlow: either(
          fc.constantFrom(
            'USER_PASSWORD_AUTH',
            'USER_AUTH',
            'REFRESH_TOKEN_AUTH',
            'CUSTOM_AUTH',
            'USER_SRP_AUTH',
          ),
        ),
        ClientId: realOr(() => real.clientId),
        AuthParameters: either(
          fc.record(
            {
              USERNAME: either(fc.constantFrom('fuzz-user', 'nobody'), anyText()),
              PASSWORD: either(fc.constantFrom(PASSWORD, 'wrong'), anyText()),
              REFRESH_TOKEN: either(
                fc.constant(null).map(() => real.refreshToken),
                tokenText,
              ),
              PREFERRED_CHALLENGE: either(fc.constantFrom('EMAIL_OTP', 'PASSWORD', 'SMS_OTP')),
              SECRET_HASH: anyText(),
            },
            { requiredKeys: [] },
          ),
        ),
        ClientMetadata: stringMap,
      },
    ],
    [
      'RespondToAuthChallenge',
      {
        ClientId: realOr(() => real.clientId),
        ChallengeName: either(
          fc.constantFrom('EMAIL_OTP', 'SELECT_CHALLENGE', 'NEW_PASSWORD_REQUIRED', 'PASSWORD'),
        ),
        Session: tokenText,
        ChallengeResponses: stringMap,
      },
    ],
    [
      'SignUp',
      {
        ClientId: realOr(() => real.clientId),
        Username: either(fc.emailAddress(), anyText()),
        Password: either(fc.constantFrom(PASSWORD, 'short'), anyText(300)),
        UserAttributes: list(
          fc.record({ Name: either(fc.constantFrom('email', 'sub', 'custom:x')), Value: anyText() }),
        ),
      },
    ],
    [
      'ConfirmSignUp',
      {
        ClientId: realOr(() => real.clientId),
        Username: anyText(),
        ConfirmationCode: either(fc.stringMatching(/^\d{6}$/)),
      },
    ],
    [
      'GetUser',
      {
        AccessToken: either(
          fc.constant(null).map(() => real.accessToken),
          tokenText,
        ),
      },
    ],
    ['GlobalSignOut', { AccessToken: tokenText }],
    [
      'AdminCreateUser',
      {
        UserPoolId: realOr(() => real.poolId, 'us-east-1_nope'),
        Username: either(anyText(130)),
        TemporaryPassword: anyText(),
        MessageAction: either(fc.constantFrom('SUPPRESS', 'RESEND')),
        UserAttributes: list(
          fc.record({ Name: either(fc.constantFrom('email', 'email_verified', 'sub')), Value: anyText() }),
        ),
      },
    ],
    [
      'AdminSetUserPassword',
      {
        UserPoolId: realOr(() => real.poolId),
        Username: either(fc.constantFrom('nobody'), anyText()),
        Password: anyText(300),
        Permanent: either(fc.boolean()),
      },
    ],
    [
      'AdminAddUserToGroup',
      {
        UserPoolId: realOr(() => real.poolId),
        Username: either(fc.constantFrom('fuzz-user', 'nobody'), anyText()),
        GroupName: either(fc.constantFrom('fuzz-group', 'nope'), anyText()),
      },
    ],
    [
      'CreateGroup',
      {
        UserPoolId: realOr(() => real.poolId),
        GroupName: either(anyText(140)),
        Description: anyText(),
        Precedence: count,
        RoleArn: anyText(),
      },
    ],
  ]),
  ...actionsOf(PROTOCOLS.dynamoDb, [
    [
      'CreateTable',
      {
        TableName: name,
        KeySchema: list(
          fc.record({ AttributeName: anyText(), KeyType: either(fc.constantFrom('HASH', 'RANGE')) }),
        ),
        AttributeDefinitions: list(
          fc.record({ AttributeName: anyText(), AttributeType: either(fc.constantFrom('S', 'N', 'B')) }),
        ),
        BillingMode: either(fc.constantFrom('PAY_PER_REQUEST', 'PROVISIONED')),
      },
    ],
    ['DescribeTable', { TableName: either(fc.constant(real.tableName), name) }],
    ['ListTables', { Limit: count, ExclusiveStartTableName: anyText() }],
    [
      'PutItem',
      {
        TableName: either(fc.constant(real.tableName), name),
        Item: item,
        ConditionExpression: expression,
        ExpressionAttributeValues: either(
          fc.dictionary(fc.constantFrom(':v', ':z', ':one', ':id', ':l'), attributeValue),
        ),
      },
    ],
    [
      'GetItem',
      {
        TableName: either(fc.constant(real.tableName), name),
        Key: item,
        ConsistentRead: either(fc.boolean()),
        ProjectionExpression: expression,
      },
    ],
    [
      'UpdateItem',
      {
        TableName: either(fc.constant(real.tableName), name),
        Key: item,
        UpdateExpression: expression,
        ConditionExpression: expression,
        ExpressionAttributeNames: either(fc.dictionary(fc.constantFrom('#a', '#b', 'a'), anyText(10))),
        ExpressionAttributeValues: either(
          fc.dictionary(fc.constantFrom(':v', ':z', ':one', ':id', ':l'), attributeValue),
        ),
        ReturnValues: either(fc.constantFrom('ALL_NEW', 'NONE', 'UPDATED_OLD')),
      },
    ],
    [
      'DeleteItem',
      { TableName: either(fc.constant(real.tableName), name), Key: item, ConditionExpression: expression },
    ],
    [
      'Query',
      {
        TableName: either(fc.constant(real.tableName), name),
        KeyConditionExpression: expression,
        FilterExpression: expression,
        ExpressionAttributeValues: either(fc.dictionary(fc.constantFrom(':v', ':id'), attributeValue)),
        Limit: count,
        ExclusiveStartKey: item,
      },
    ],
    [
      'Scan',
      {
        TableName: either(fc.constant(real.tableName), name),
        FilterExpression: expression,
        Limit: count,
        Segment: count,
        TotalSegments: count,
      },
    ],
    [
      'UpdateTimeToLive',
      {
        TableName: ttlTableName,
        TimeToLiveSpecification: either(fc.record({ AttributeName: anyText(), Enabled: anyJson })),
      },
    ],
    ['DescribeTimeToLive', { TableName: ttlTableName }],
  ]),
];

/**
 * A request body for an action: its fields (any subset, each plausible or wrong) plus stray keys,
 * or JSON of another type, or not JSON.
 */
function requestBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(anyText(12), anyJson, { maxKeys: 2 }))
        .map(([known, stray]) => JSON.stringify({ ...stray, ...known })),
    },
    { weight: 1, arbitrary: malformedJson },
    { weight: 1, arbitrary: anyJsonText },
  );
}

const anyJsonText = anyJson.map((value) => JSON.stringify(value));

const RUNS_PER_ACTION = Math.max(1, Math.ceil(FUZZ_RUNS / 2));

async function expectAnswered(
  protocol: JsonProtocol,
  action: string,
  body: string | Uint8Array,
  headers = {},
) {
  inputs.count(`${protocol.prefix}.${action}`);
  const answer = await callEdge(cloud.endpoint, `${protocol.prefix}.${action}`, body, {
    'content-type': protocol.contentType,
    ...headers,
  });
  return { answer, type: expectAwsAnswer(answer) };
}

describe('the edge’s AWS JSON protocols under bad input (property-based)', () => {
  it.each(ACTIONS.map((entry) => [`${entry.protocol.prefix}.${entry.action}`, entry] as const))(
    '%s answers a success or a 4xx naming an AWS error, whatever the fields',
    async (_, { protocol, action, fields }) => {
      await check(
        [requestBody(fields)],
        async (body) => {
          await expectAnswered(protocol, action, body);
        },
        RUNS_PER_ACTION,
      );
    },
  );

  it.each(Object.entries(PROTOCOLS))(
    '%s answers unknown actions, bodies that are not a JSON object and odd headers with a 4xx naming an AWS error',
    async (_, protocol) => {
      await check(
        [
          fc.oneof(
            fc.constantFrom('Nope', '', '.', '__proto__', 'constructor', 'hasOwnProperty', 'toString'),
            anyText(30).map((text) => text.replace(/[^\x21-\x7e]/g, '')),
          ),
          fc.oneof(malformedJson, anyJsonText),
          fc.constantFrom(protocol.contentType, 'application/json', 'text/plain', ''),
        ],
        async (action, body, contentType) => {
          const answer = await callEdge(cloud.endpoint, `${protocol.prefix}.${action}`, body, {
            'content-type': contentType,
          });
          inputs.count(`${protocol.prefix} (unknown actions)`);

          expectAwsAnswer(answer);
          expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
        },
      );
    },
  );

  it.each(Object.entries(PROTOCOLS))(
    '%s refuses deep nesting, bytes that are not UTF-8 and bodies past the limit with a 4xx',
    async (_, protocol) => {
      const action = {
        AWSStepFunctions: 'StartExecution',
        AWSEvents: 'PutEvents',
        AWSCognitoIdentityProviderService: 'InitiateAuth',
        DynamoDB_20120810: 'PutItem',
      }[protocol.prefix];
      const bodies = [
        deepJson(100_000, 'array'),
        deepJson(50_000, 'object'),
        new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0x61, 0x22, 0x3a, 0xc0, 0xaf, 0x7d]),
        JSON.stringify({ x: 'y'.repeat(7 * 1024 * 1024) }),
      ];
      for (const body of bodies) {
        const { answer } = await expectAnswered(protocol, `${action}`, body);
        expect(answer.status, answer.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      }
    },
  );
});

describe('deep nesting in EventBridge (fixed: a stack overflow answered 500)', () => {
  it('fails an entry whose detail nests 3,000 levels as MalformedDetail, and takes the rest', async () => {
    // Act
    const { answer } = await expectAnswered(
      PROTOCOLS.eventBridge,
      'PutEvents',
      JSON.stringify({
        Entries: [
          { Source: 'fuzz', DetailType: 'deep', Detail: deepJson(3_000, 'object') },
          { Source: 'fuzz', DetailType: 'flat', Detail: '{"a":1}' },
        ],
      }),
    );

    // Assert
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'MalformedDetail' }, { EventId: expect.any(String) }],
    });
  });

  it('answers TestEventPattern with an event nesting 3,000 levels with 400 ValidationException', async () => {
    const { answer, type } = await expectAnswered(
      PROTOCOLS.eventBridge,
      'TestEventPattern',
      JSON.stringify({ EventPattern: '{"source":["fuzz"]}', Event: deepJson(3_000, 'array') }),
    );

    expect({ status: answer.status, type }).toEqual({ status: 400, type: 'ValidationException' });
  });
});

describe('inputs that once broke the local cloud', () => {
  /**
   * A definition nesting 3,000 levels overflowed the stack in the schema validation, and an
   * execution input nesting 20,000 levels (about 100 KB, under the 256 KB limit) in serialising it.
   */
  it.each([
    [
      'CreateStateMachine',
      () => ({
        name: 'deep',
        roleArn: 'arn:aws:iam::000000000000:role/x',
        definition: deepJson(3_000, 'object'),
      }),
    ],
    ['StartExecution', () => ({ stateMachineArn: real.stateMachineArn, input: deepJson(20_000, 'object') })],
  ])('AWSStepFunctions.%s answers deep nesting with a 4xx', async (action, input) => {
    const { answer } = await expectAnswered(PROTOCOLS.stepFunctions, action, JSON.stringify(input()));

    expect(answer.status).toBeLessThan(500);
  });

  /**
   * A signed DynamoDB request whose body is JSON but not an object threw inside dynalite's request
   * handler, an uncaught exception that ended the whole local cloud process.
   */
  it.each(['null', '[]', '7'])(
    'DynamoDB_20120810.GetItem answers a body of %s with 400 and keeps serving',
    async (body) => {
      const { answer } = await expectAnswered(PROTOCOLS.dynamoDb, 'GetItem', body);

      expect(answer.status).toBe(400);
    },
  );

  /** A table name of an invalid form on the Time to Live actions was answered with a 500. */
  it.each(['UpdateTimeToLive', 'DescribeTimeToLive'])(
    'DynamoDB_20120810.%s answers a table name of an invalid form with 400 ValidationException',
    async (action) => {
      const { answer } = await expectAnswered(PROTOCOLS.dynamoDb, action, JSON.stringify({ TableName: ' ' }));

      expect(answer.status).toBe(400);
    },
  );
});

describe('the Cognito user pools API under forged tokens', () => {
  it('refuses every forgery of a genuine access token with NotAuthorizedException', async () => {
    // Arrange
    const forgeries = await forgeriesOf(real.accessToken, await attackerKey());

    for (const [forgery, token] of Object.entries(forgeries)) {
      for (const action of ['GetUser', 'GlobalSignOut']) {
        // Act
        const { answer, type } = await expectAnswered(
          PROTOCOLS.cognito,
          action,
          JSON.stringify({ AccessToken: token }),
        );

        // Assert
        expect({ forgery, action, status: answer.status, type }).toEqual({
          forgery,
          action,
          status: 400,
          type: 'NotAuthorizedException',
        });
      }
    }
  });
});
