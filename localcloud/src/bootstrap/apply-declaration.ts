import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  type GlobalSecondaryIndexDescription,
  type KeySchemaElement,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  CreateEventBusCommand,
  DescribeEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateStateMachineCommand, SFNClient, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import { DEFAULT_EVENT_BUS } from '../eventbridge/index.js';
import { FunctionHost } from '../lambda/function-host.js';
import { loadHandler } from '../lambda/load-handler.js';
import { type LambdaHandler, LambdaRegistry } from '../stepfunctions/integrations/index.js';
import { newAccountPassword } from './account-password.js';
import { type ResolvedResources, resolveRef, substitute } from './resolve-refs.js';
import type { ResourceDeclaration, TableDeclaration } from './resource-declaration.js';

/** What applying a declaration made: resource names, the accounts created, the functions' host. */
export interface AppliedDeclaration {
  resources: ResolvedResources;
  createdAccounts: CreatedAccount[];
  /** Runs the declared functions; to be closed when the cloud stops. */
  functionHost?: FunctionHost;
  /** Invokes the declaration's `warmUp` function, answering its result. */
  warmUp?: () => Promise<unknown>;
}

/** Where and how to apply a declaration. */
export interface ApplyOptions {
  /** Folder that the declaration's `entry` and `definitionFile` paths are relative to. */
  baseDir: string;
  /** The edge's URL. */
  endpoint: string;
  region: string;
  accountId: string;
  /** Where declared functions' handlers are registered. */
  lambda: LambdaRegistry;
  /** Reports progress. */
  log?: (message: string) => void;
  /**
   * The password of declared accounts: set on every apply when given (tests use it), otherwise
   * generated once when an account is created.
   */
  userPassword?: string;
  /**
   * Run the declared functions in this thread rather than on a worker of their own: their clock,
   * console and module state are then the caller's, for a debugger or a test that fakes time.
   */
  functionsInProcess?: boolean;
}

/** An account the declaration asked for, created by this apply, with its password. */
export interface CreatedAccount {
  userPool: string;
  username: string;
  password: string;
}

/** How long a declared table may take to turn ACTIVE before the start fails. */
const TABLE_ACTIVE_WAIT_SECONDS = 60;
/** The role local resources name where AWS wants one; the local cloud grants everything. */
const LOCAL_ROLE = 'arn:aws:iam::000000000000:role/localcloud';

/**
 * Creates what a declaration lists that does not exist yet, through the official SDK clients
 * against the edge, as a deployment tool would: tables, buses, user pools, functions (their
 * handlers imported and registered), state machines (created, or updated when their definition
 * changed) and rules with their targets, matching events or on a schedule (on the default bus).
 * Applying it again changes nothing that is already right.
 */
export async function applyDeclaration(
  declaration: ResourceDeclaration,
  options: ApplyOptions,
): Promise<AppliedDeclaration> {
  const createdAccounts: CreatedAccount[] = [];
  let functionHost: FunctionHost | undefined;
  let warmUp: (() => Promise<unknown>) | undefined;
  const log = options.log ?? (() => undefined);
  const client = {
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const dynamodb = new DynamoDBClient(client);
  const events = new EventBridgeClient(client);
  const sfn = new SFNClient(client);
  const cognito = new CognitoIdentityProviderClient(client);
  const arn = (service: string, resource: string) =>
    `arn:aws:${service}:${options.region}:${options.accountId}:${resource}`;
  const resources: ResolvedResources = {
    region: options.region,
    accountId: options.accountId,
    tables: {},
    eventBuses: {},
    functions: {},
    stateMachines: {},
    userPools: {},
    userPoolClients: {},
  };
  try {
    for (const [name, table] of Object.entries(declaration.tables ?? {})) {
      await ensureTable(dynamodb, name, table, log);
      resources.tables[name] = name;
    }
    for (const name of declaration.eventBuses ?? []) {
      const exists = await events.send(new DescribeEventBusCommand({ Name: name })).then(
        () => true,
        (error: Error) => (error.name === 'ResourceNotFoundException' ? false : Promise.reject(error)),
      );
      if (!exists) await events.send(new CreateEventBusCommand({ Name: name }));
      resources.eventBuses[name] = name;
    }
    for (const [name, pool] of Object.entries(declaration.userPools ?? {})) {
      const poolId = await ensureUserPool(cognito, name);
      resources.userPools[name] = poolId;
      for (const group of pool.groups) {
        await cognito
          .send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: group }))
          .catch((error: Error) => {
            if (error.name !== 'GroupExistsException') throw error;
          });
      }
      for (const user of pool.users ?? []) {
        const password = await ensureUser(cognito, poolId, user, options.userPassword);
        if (password) createdAccounts.push({ userPool: name, username: user.username, password });
      }
      resources.userPoolClients[name] = {};
      for (const clientName of pool.clients) {
        resources.userPoolClients[name][clientName] = await ensureUserPoolClient(cognito, poolId, clientName);
      }
    }
    for (const name of Object.keys(declaration.functions ?? {})) {
      resources.functions[name] = arn('lambda', `function:${name}`);
    }
    for (const name of Object.keys(declaration.stateMachines ?? {})) {
      resources.stateMachines[name] = arn('states', `stateMachine:${name}`);
    }
    ({ functionHost, warmUp } = await registerFunctions(declaration, resources, options));
    if (Object.keys(resources.functions).length > 0)
      log(`registered ${Object.keys(resources.functions).length} function(s)`);
    for (const [name, machine] of Object.entries(declaration.stateMachines ?? {})) {
      const text = await readFile(resolve(options.baseDir, machine.definitionFile), 'utf8');
      const values = Object.fromEntries(
        Object.entries(machine.substitutions ?? {}).map(([key, ref]) => [key, resolveRef(ref, resources)]),
      );
      const definition = substitute(text, values);
      await sfn
        .send(new CreateStateMachineCommand({ name, definition, roleArn: LOCAL_ROLE }))
        .catch((error: Error) => {
          if (error.name !== 'StateMachineAlreadyExists') throw error;
          return sfn.send(
            new UpdateStateMachineCommand({ stateMachineArn: resources.stateMachines[name], definition }),
          );
        });
    }
    for (const [name, rule] of Object.entries(declaration.rules ?? {})) {
      // A scheduled rule lives on the default bus, the only one EventBridge runs schedules on.
      const bus = 'schedule' in rule ? DEFAULT_EVENT_BUS : resolveRef({ eventBus: rule.eventBus }, resources);
      await events.send(
        new PutRuleCommand({
          Name: name,
          EventBusName: bus,
          ...('schedule' in rule
            ? { ScheduleExpression: rule.schedule }
            : { EventPattern: JSON.stringify(rule.eventPattern) }),
        }),
      );
      await events.send(
        new PutTargetsCommand({
          Rule: name,
          EventBusName: bus,
          Targets: rule.targets.map((target) => ({
            Id: target.id,
            Arn: target.stateMachine
              ? resolveRef({ stateMachine: target.stateMachine }, resources)
              : resolveRef({ function: target.function ?? '' }, resources),
            ...(target.stateMachine && { RoleArn: LOCAL_ROLE }),
            ...(target.inputPath && { InputPath: target.inputPath }),
          })),
        }),
      );
    }
    return { resources, createdAccounts, ...(functionHost && { functionHost }), ...(warmUp && { warmUp }) };
  } catch (error) {
    await functionHost?.close();
    throw error;
  } finally {
    for (const sdk of [dynamodb, events, sfn, cognito]) sdk.destroy();
  }
}

async function ensureTable(
  dynamodb: DynamoDBClient,
  name: string,
  table: TableDeclaration,
  log: (message: string) => void,
): Promise<void> {
  const existing = await dynamodb.send(new DescribeTableCommand({ TableName: name })).then(
    ({ Table }) => Table,
    (error: Error) => (error.name === 'ResourceNotFoundException' ? undefined : Promise.reject(error)),
  );
  if (existing === undefined) await createTable(dynamodb, name, table);
  // As CloudFormation does: the table is there once it takes items, ACTIVE.
  if (existing?.TableStatus !== 'ACTIVE')
    await waitUntilTableExists(
      { client: dynamodb, maxWaitTime: TABLE_ACTIVE_WAIT_SECONDS, minDelay: 0.02, maxDelay: 0.5 },
      { TableName: name },
    );
  if (existing) await ensureIndexes(dynamodb, name, table, existing.GlobalSecondaryIndexes ?? [], log);
  if (table.timeToLiveAttribute) await ensureTimeToLive(dynamodb, name, table.timeToLiveAttribute);
}

/**
 * Brings a table made by an earlier version of the application to the indexes declared now, as a
 * deployment does: an index no longer declared, or declared otherwise, is deleted; a declared one
 * missing is created, from the items already in the table. One change per `UpdateTable`, as on
 * DynamoDB.
 */
async function ensureIndexes(
  dynamodb: DynamoDBClient,
  name: string,
  table: TableDeclaration,
  existing: GlobalSecondaryIndexDescription[],
  log: (message: string) => void,
): Promise<void> {
  const declared = globalIndexes(table);
  const same = (index: GlobalSecondaryIndex, other: GlobalSecondaryIndexDescription) =>
    index.IndexName === other.IndexName &&
    JSON.stringify(index.KeySchema) === JSON.stringify(other.KeySchema) &&
    index.Projection?.ProjectionType === other.Projection?.ProjectionType;
  const kept = existing.filter((index) => declared.some((wanted) => same(wanted, index)));
  for (const index of existing.filter((index) => !kept.includes(index))) {
    await dynamodb.send(
      new UpdateTableCommand({
        TableName: name,
        GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index.IndexName } }],
      }),
    );
    log(`table ${name}: deleted index ${index.IndexName}, which is no longer declared so`);
  }
  for (const index of declared.filter((wanted) => !kept.some((index) => same(wanted, index)))) {
    await dynamodb.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: attributeDefinitions(table),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    log(`table ${name}: created index ${index.IndexName} from the items already there`);
  }
}

/** Turns TTL on for the attribute, unless it is on already. */
async function ensureTimeToLive(dynamodb: DynamoDBClient, name: string, attribute: string): Promise<void> {
  const { TimeToLiveDescription } = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }));
  if (TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED') return;
  await dynamodb.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
    }),
  );
}

async function createTable(dynamodb: DynamoDBClient, name: string, table: TableDeclaration): Promise<void> {
  const indexes = globalIndexes(table);
  await dynamodb.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions(table),
      KeySchema: keySchema(table.partitionKey, table.sortKey),
      ...(indexes.length > 0 && { GlobalSecondaryIndexes: indexes }),
    }),
  );
}

/** The definitions of every key attribute of the table and its indexes. */
function attributeDefinitions(table: TableDeclaration): AttributeDefinition[] {
  const keys = [
    table.partitionKey,
    table.sortKey,
    ...(table.globalSecondaryIndexes ?? []).flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const attributes = new Map(keys.filter((key) => key !== undefined).map((key) => [key.name, key.type]));
  return [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

/** The table's declared global secondary indexes, as DynamoDB takes them. */
function globalIndexes(table: TableDeclaration): GlobalSecondaryIndex[] {
  return (table.globalSecondaryIndexes ?? []).map((index) => ({
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: { ProjectionType: index.projection ?? 'ALL' },
  }));
}

function keySchema(partition: { name: string }, sort?: { name: string }): KeySchemaElement[] {
  return [
    { AttributeName: partition.name, KeyType: 'HASH' },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
  ];
}

async function ensureUserPool(cognito: CognitoIdentityProviderClient, name: string): Promise<string> {
  const pools = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const existing = pools.UserPools?.find((pool) => pool.Name === name)?.Id;
  if (existing) return existing;
  const created = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: name,
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
    }),
  );
  return created.UserPool?.Id as string;
}

/** The password given for the declared accounts (`userPassword`) breaks the user pool's password policy. */
export class UserPasswordRefusedError extends Error {
  constructor(
    /** What the policy misses, as Cognito says it. */
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`The accounts' password is refused: ${problem}`, options);
    this.name = 'UserPasswordRefusedError';
  }
}

/**
 * Creates a declared account when it is missing, with the given password or a generated one, and
 * returns the password it was created with; with a given password, also resets an existing
 * account's, so a fixed password keeps working.
 */
async function ensureUser(
  cognito: CognitoIdentityProviderClient,
  poolId: string,
  user: { username: string; groups: string[] },
  fixedPassword: string | undefined,
): Promise<string | undefined> {
  const exists = await cognito
    .send(new AdminGetUserCommand({ UserPoolId: poolId, Username: user.username }))
    .then(
      () => true,
      (error: Error) => (error.name === 'UserNotFoundException' ? false : Promise.reject(error)),
    );
  if (exists && fixedPassword === undefined) return undefined;
  const password = fixedPassword ?? newAccountPassword();
  if (!exists) {
    await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: user.username, MessageAction: 'SUPPRESS' }),
    );
  }
  await cognito
    .send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: user.username,
        Password: password,
        Permanent: true,
      }),
    )
    .catch((error: Error) => {
      throw error.name === 'InvalidPasswordException' && fixedPassword !== undefined
        ? new UserPasswordRefusedError(error.message, { cause: error })
        : error;
    });
  for (const group of user.groups) {
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: user.username, GroupName: group }),
    );
  }
  return exists ? undefined : password;
}

async function ensureUserPoolClient(
  cognito: CognitoIdentityProviderClient,
  poolId: string,
  name: string,
): Promise<string> {
  const clients = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
  const existing = clients.UserPoolClients?.find((client) => client.ClientName === name)?.ClientId;
  if (existing) return existing;
  const created = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: name,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return created.UserPoolClient?.ClientId as string;
}

/**
 * The name the warm-up function runs under on the function host, where it sits beside the
 * declared functions: no Lambda function can be called so.
 */
const WARM_UP_FUNCTION = '(warm-up)';

/**
 * Starts the functions, and the warm-up function beside them, on a {@link FunctionHost} (or,
 * asked to, loads them in this thread) and registers the functions' handlers. In one process the
 * functions share `process.env`, so their environments are merged first; two functions giving one
 * variable two values is an error rather than a silent surprise.
 */
async function registerFunctions(
  declaration: ResourceDeclaration,
  resources: ResolvedResources,
  options: ApplyOptions,
): Promise<{ functionHost?: FunctionHost; warmUp?: () => Promise<unknown> }> {
  const declared = Object.entries({
    ...declaration.functions,
    ...(declaration.warmUp && { [WARM_UP_FUNCTION]: declaration.warmUp }),
  });
  const environment = new Map<string, { value: string; owner: string }>();
  for (const [name, fn] of declared) {
    for (const [key, ref] of Object.entries(fn.environment ?? {})) {
      const value = resolveRef(ref, resources);
      const seen = environment.get(key);
      if (seen && seen.value !== value) {
        throw new Error(
          `Functions '${seen.owner}' and '${name}' give ${key} different values; locally they share one environment`,
        );
      }
      environment.set(key, { value, owner: name });
    }
  }
  // The handlers' own SDK clients find the local services the way they would find AWS's.
  process.env.AWS_ENDPOINT_URL = options.endpoint;
  process.env.AWS_REGION = options.region;
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  for (const [key, { value }] of environment) process.env[key] = value;
  const functions = declared.map(([name, fn]) => ({
    name,
    module: resolve(options.baseDir, fn.entry),
    handler: fn.handler,
  }));
  if (functions.length === 0) return {};
  const handlers = new Map<string, LambdaHandler>();
  let functionHost: FunctionHost | undefined;
  if (options.functionsInProcess) {
    for (const fn of functions) handlers.set(fn.name, await loadHandler(fn));
  } else {
    functionHost = await FunctionHost.start(functions);
    for (const { name } of functions) handlers.set(name, functionHost.handlerOf(name));
  }
  // The warm-up has a registry of its own: invoked as Lambda invokes, reachable by nothing else.
  const warmUpRuntime = new LambdaRegistry(options.region, options.accountId);
  for (const [name, handler] of handlers)
    (name === WARM_UP_FUNCTION ? warmUpRuntime : options.lambda).register(name, handler);
  return {
    ...(functionHost && { functionHost }),
    ...(warmUpRuntime.has(WARM_UP_FUNCTION) && { warmUp: () => warmUpRuntime.invoke(WARM_UP_FUNCTION, {}) }),
  };
}
