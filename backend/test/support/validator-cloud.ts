import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LambdaRegistry, LocalCloud, type ResourceDeclaration } from '@coffee/localcloud';
import { BUS_NAME, EVENT_SOURCE } from '../../src/contracts/events.js';
import { resources } from '../../src/resources.js';
import { createUser, TEST_PASSWORD } from './api-cloud.js';
import { EventLog } from './order-processor-cloud.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * What the validator's routes need of the shop's declaration: the API as `resources.ts` declares it
 * (with the validator's tables), and the order flow it starts — the OrderProcessor, the token
 * recorder and their rules — so that an accepted order goes on from `PENDING` as in production.
 */
export const validatorDeclaration: ResourceDeclaration = {
  tables: resources.tables,
  eventBuses: resources.eventBuses,
  userPools: resources.userPools,
  functions: { api: resources.functions.api, tokenRecorder: resources.functions.tokenRecorder },
  stateMachines: { orderProcessor: resources.stateMachines.orderProcessor },
  rules: {
    orderProcessorNewOrder: resources.rules.orderProcessorNewOrder,
    orderProcessorTaskTokens: resources.rules.orderProcessorTaskTokens,
  },
  httpApi: resources.httpApi,
};

/** The local cloud serving the API, with the order flow running, clients on its edge and the bus observed. */
export interface ValidatorCloud {
  cloud: LocalCloud;
  /** The web port's origin, `http://127.0.0.1:<port>`. */
  origin: string;
  db: DynamoDBDocumentClient;
  sfn: SFNClient;
  /** Every event of the bus. */
  log: EventLog;
  /** `fetch` of a path of the web port, JSON body, bearer token and extra headers added when given. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** The ID token of a password sign-in (`barista`, `display`, or a customer of {@link newCustomer}). */
  idToken(username: string): Promise<string>;
  /** Creates a customer (no group) and answers its user id (`sub`) and ID token. */
  newCustomer(): Promise<{ userId: string; token: string }>;
  stop(): Promise<void>;
}

const OBSERVER = 'testEventObserver';

/** Starts the local cloud on fresh data and free ports with {@link validatorDeclaration}. */
export async function startValidatorCloud(name: string): Promise<ValidatorCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), `backend-${name}-`));
  const lambda = new LambdaRegistry();
  const log = new EventLog();
  lambda.register(OBSERVER, (event) => {
    log.record(event);
    return null;
  });
  const cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    lambda,
    outboxLog: () => undefined,
    app: {
      declaration: validatorDeclaration,
      baseDir: join(import.meta.dirname, '..', '..'),
      userPassword: TEST_PASSWORD,
    },
    web: { port: 0, landingPage: () => '', runtimeConfig: () => ({}) },
  });
  const address = cloud.web?.server.address();
  if (!address || typeof address === 'string') throw new Error('The web port is not listening');
  const origin = `http://127.0.0.1:${address.port}`;
  const sdk = {
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const idp = new CognitoIdentityProviderClient(sdk);
  const events = new EventBridgeClient(sdk);
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(sdk), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const sfn = new SFNClient(sdk);
  const poolId = cloud.resources?.userPools.coffee as string;
  const clientId = cloud.resources?.userPoolClients.coffee?.apps as string;
  let customers = 0;

  await events.send(
    new PutRuleCommand({
      Name: 'test-observer',
      EventBusName: BUS_NAME,
      EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
    }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: 'test-observer',
      EventBusName: BUS_NAME,
      Targets: [{ Id: 'observer', Arn: lambda.arnOf(OBSERVER) }],
    }),
  );

  const idToken = async (username: string) => {
    const signIn = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: TEST_PASSWORD },
      }),
    );
    const token = signIn.AuthenticationResult?.IdToken;
    if (!token) throw new Error(`${username} got no ID token`);
    return token;
  };

  return {
    cloud,
    origin,
    db,
    sfn,
    log,
    call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${origin}${path}`, { method, headers, ...(body !== undefined && { body }) });
    },
    idToken,
    async newCustomer() {
      const username = `customer-${name}-${++customers}`;
      await createUser(idp, poolId, username, []);
      const token = await idToken(username);
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
        sub: string;
      };
      return { userId: payload.sub, token };
    },
    async stop() {
      idp.destroy();
      events.destroy();
      db.destroy();
      sfn.destroy();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A period's code item: the drinks left, or `undefined` before the first scan. */
export async function readRemaining(
  db: DynamoDBDocumentClient,
  shopId: string,
  period: number,
): Promise<number | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: 'codes', Key: { shopId, period }, ConsistentRead: true }),
  );
  return Item?.remaining === undefined ? undefined : Number(Item.remaining);
}

/** Sets the drinks a period's code has left, as if others had scanned it. */
export async function arrangeRemaining(
  db: DynamoDBDocumentClient,
  shopId: string,
  period: number,
  remaining: number,
): Promise<void> {
  await db.send(new PutCommand({ TableName: 'codes', Item: { shopId, period, remaining } }));
}

/** Writes a customer's item, e.g. a day's count at the limit. */
export async function arrangeCustomer(
  db: DynamoDBDocumentClient,
  shopId: string,
  userId: string,
  item: { openOrderId?: string; day: string; dayCount: number },
): Promise<void> {
  await db.send(
    new PutCommand({ TableName: 'customers', Item: { customerKey: `${shopId}#${userId}`, ...item } }),
  );
}

/** The ids of a shop's orders, whatever their state. */
export async function ordersOfShop(db: DynamoDBDocumentClient, shopId: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: 'orders',
        FilterExpression: 'shopId = :shopId',
        ExpressionAttributeValues: { ':shopId': shopId },
        ConsistentRead: true,
        ...(start && { ExclusiveStartKey: start }),
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.orderId));
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}
