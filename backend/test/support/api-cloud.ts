import { rmSync } from 'node:fs';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { type FunctionDeclaration, LocalCloud, type ResourceDeclaration } from '@coffee/localcloud';
import { signInWithPassword } from '../../src/aws/password-account.js';
import { ErrorBodySchema } from '../../src/contracts/api.js';
import {
  BUS_NAME,
  type BusEvent,
  BusEventSchema,
  type EventType,
  eventPattern,
} from '../../src/contracts/events.js';
import { resources } from '../../src/resources.js';
import {
  BACKEND_DIR,
  type CallOptions,
  type CloudOptions,
  callWeb,
  newDataDir,
  sdkConfig,
  webOrigin,
} from './local-cloud.js';

/** The password of the staff accounts and of the customers the tests create. */
export const TEST_PASSWORD = 'Coffee-Beans-42';

/**
 * The HTTP API function as `resources.ts` is to declare it (the lead adds it there): the built
 * handler, the names it reads, and `httpApi` pointing at it.
 */
export const apiFunction = {
  entry: 'dist/api/handler.js',
  handler: 'handler',
  environment: {
    SHOPS_TABLE: { table: 'shops' },
    EVENT_BUS: { eventBus: BUS_NAME },
    USER_POOL_ID: { userPool: 'coffee' },
    USER_POOL_CLIENT_ID: { userPoolClient: 'apps', userPool: 'coffee' },
  },
} satisfies FunctionDeclaration;

/**
 * The shop's declaration as far as the config routes need it — its tables, bus and user pool —
 * with the API function added. The other services' functions, state machines and rules are left
 * out: the config routes do not use them, and they are tested (and built) by their own services.
 */
export const apiDeclaration: ResourceDeclaration = {
  tables: resources.tables,
  eventBuses: resources.eventBuses,
  userPools: resources.userPools,
  functions: { api: apiFunction },
  httpApi: { function: 'api' },
};

/** A local cloud serving the API on its web port, with helpers to sign in and to watch the bus. */
export interface ApiCloud {
  cloud: LocalCloud;
  /** The web port's origin, `http://127.0.0.1:<port>`; the API is under its `/api`. */
  origin: string;
  poolId: string;
  clientId: string;
  /** An SDK client of the edge's user pools, for admin calls. */
  idp: CognitoIdentityProviderClient;
  /** `fetch` of a path of the web port (`/api/...`), JSON body and bearer token added when given. */
  call(method: string, path: string, options?: Omit<CallOptions, 'headers'>): Promise<Response>;
  /** The ID token of a password sign-in (staff: `barista`, `display`; or a customer made by {@link newCustomer}). */
  idToken(username: string, clientId?: string): Promise<string>;
  /** Creates a customer (no group) with {@link TEST_PASSWORD} and answers its ID token. */
  newCustomer(): Promise<string>;
  /** Routes the shop's events of these types to a test Lambda and collects them. */
  listen(...types: [EventType, ...EventType[]]): Promise<EventLog>;
  stop(): Promise<void>;
}

/** Events delivered to a test Lambda. */
export interface EventLog {
  events: BusEvent[];
  /** Waits until `count` events have arrived (failing after `timeoutMs`), and answers them. */
  waitFor(count: number, timeoutMs?: number): Promise<BusEvent[]>;
}

/** Starts a local cloud on fresh data with the API declared, on free ports. */
export async function startApiCloud(name: string, options: CloudOptions = {}): Promise<ApiCloud> {
  const dataDir = newDataDir(name);
  const cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
    app: {
      declaration: apiDeclaration,
      baseDir: BACKEND_DIR,
      userPassword: TEST_PASSWORD,
      ...options,
    },
    web: { port: 0, landingPage: () => '', runtimeConfig: () => ({}) },
  });
  const origin = webOrigin(cloud);
  const idp = new CognitoIdentityProviderClient(sdkConfig(cloud));
  const events = new EventBridgeClient(sdkConfig(cloud));
  const poolId = cloud.resources?.userPools.coffee as string;
  const clientId = cloud.resources?.userPoolClients.coffee?.apps as string;
  let customers = 0;
  let listeners = 0;

  const bed: ApiCloud = {
    cloud,
    origin,
    poolId,
    clientId,
    idp,
    call: (method, path, options) => callWeb(origin, method, path, options),
    idToken: (username, client = clientId) => signInWithPassword(idp, client, username, TEST_PASSWORD),
    async newCustomer() {
      const username = `customer-${name}-${++customers}`;
      await createUser(idp, poolId, username, []);
      return bed.idToken(username);
    },
    async listen(...types) {
      const functionName = `test-listener-${++listeners}`;
      const received: BusEvent[] = [];
      cloud.lambda.register(functionName, (event) => {
        received.push(BusEventSchema.parse(event));
      });
      const bus = cloud.resources?.eventBuses.coffee as string;
      await events.send(
        new PutRuleCommand({
          Name: functionName,
          EventBusName: bus,
          EventPattern: JSON.stringify(eventPattern(...types)),
        }),
      );
      await events.send(
        new PutTargetsCommand({
          Rule: functionName,
          EventBusName: bus,
          Targets: [{ Id: 'collector', Arn: cloud.lambda.arnOf(functionName) }],
        }),
      );
      return {
        events: received,
        async waitFor(count, timeoutMs = 5_000) {
          const deadline = Date.now() + timeoutMs;
          while (received.length < count) {
            if (Date.now() > deadline)
              throw new Error(`Expected ${count} event(s) within ${timeoutMs} ms, got ${received.length}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          return [...received];
        },
      };
    },
    async stop() {
      idp.destroy();
      events.destroy();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return bed;
}

/** Creates a user of a pool with {@link TEST_PASSWORD}, in the given groups. */
export async function createUser(
  idp: CognitoIdentityProviderClient,
  poolId: string,
  username: string,
  groups: string[],
): Promise<void> {
  await idp.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  );
  await idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: username,
      Password: TEST_PASSWORD,
      Permanent: true,
    }),
  );
  for (const GroupName of groups)
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName }));
}

/** The error body of an answer, checked to be DESIGN's `{ error: { code, message } }` and nothing else. */
export async function errorOf(
  response: Response,
): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  const keys = Object.keys(body).join(',');
  const errorKeys = Object.keys(body.error ?? {})
    .sort()
    .join(',');
  if (keys !== 'error' || errorKeys !== 'code,message')
    throw new Error(`Not an error body: ${JSON.stringify(body)}`);
  const { error } = ErrorBodySchema.parse(body);
  return { status: response.status, ...error };
}
