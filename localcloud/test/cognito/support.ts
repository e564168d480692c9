import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  SignUpCommand,
  type SignUpCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoService } from '../../src/cognito/cognito-service.js';
import { EdgeServer } from '../../src/edge/edge-server.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { lateBound, suiteResource } from '../support/suite.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The region of the test pools. */
export const REGION = 'us-east-1';

/** A Cognito service and outbox behind an edge on a free port, with an SDK client pointed at it. */
export interface CognitoTestBed {
  cognito: CognitoService;
  outbox: Outbox;
  edge: EdgeServer;
  idp: CognitoIdentityProviderClient;
  dataDir: string;
  /** Moves the service's clock forward, for expiry. */
  advance(ms: number): void;
  /** The newest one-time code sent to `to`. */
  lastCode(to: string): string;
  /** Closes everything and opens it again on the same data and port, as after a restart. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a test bed with a fresh data folder. */
export async function startTestBed(): Promise<CognitoTestBed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-cognito-'));
  let offsetMs = 0;
  const open = async (port: number) => {
    const outbox = await Outbox.open({ dataDir: join(dataDir, 'outbox'), log: () => undefined });
    const holder: { edge?: EdgeServer } = {};
    const cognito = await CognitoService.open({
      dataDir: join(dataDir, 'cognito'),
      region: REGION,
      issuerBaseUrl: () => (holder.edge as EdgeServer).url,
      outbox,
      now: () => Date.now() + offsetMs,
    });
    const edge = new EdgeServer({
      region: REGION,
      services: [cognito.awsJsonService()],
      routes: [...cognito.routes(), outbox.route()],
    });
    holder.edge = edge;
    await edge.listen(port);
    const idp = new CognitoIdentityProviderClient({
      endpoint: edge.url,
      region: REGION,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    return { outbox, cognito, edge, idp };
  };
  const parts = await open(0);
  const bed: CognitoTestBed = {
    ...parts,
    dataDir,
    advance(ms) {
      offsetMs += ms;
    },
    lastCode(to) {
      const sent = bed.outbox.list().filter((message) => message.to === to && message.code !== undefined);
      const code = sent[sent.length - 1]?.code;
      if (code === undefined) throw new Error(`No code was sent to ${to}`);
      return code;
    },
    async restart() {
      const port = Number(new URL(bed.edge.url).port);
      await closeParts(bed);
      Object.assign(bed, await open(port));
    },
    async stop() {
      await closeParts(bed);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return bed;
}

async function closeParts(bed: CognitoTestBed): Promise<void> {
  bed.idp.destroy();
  await bed.edge.close();
  await bed.cognito.close();
  await bed.outbox.close();
}

/** A pool's ID and its app client's ID. */
export interface PoolAndClient {
  poolId: string;
  clientId: string;
}

/** Creates a pool and one app client through the API. */
export async function createPoolAndClient(
  idp: CognitoIdentityProviderClient,
  pool: Omit<CreateUserPoolCommandInput, 'PoolName'> & { PoolName?: string },
  client: Omit<CreateUserPoolClientCommandInput, 'UserPoolId' | 'ClientName'> & { ClientName?: string },
): Promise<PoolAndClient> {
  const created = await idp.send(new CreateUserPoolCommand({ PoolName: 'test-pool', ...pool }));
  const poolId = created.UserPool?.Id as string;
  const app = await idp.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'test-client', ...client }),
  );
  return { poolId, clientId: app.UserPoolClient?.ClientId as string };
}

/** A staff pool as the shop sets it up: username and password sign-in, staff groups. */
export async function createStaffPool(idp: CognitoIdentityProviderClient): Promise<PoolAndClient> {
  const ids = await createPoolAndClient(
    idp,
    { PoolName: 'staff', UsernameConfiguration: { CaseSensitive: false } },
    { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  );
  for (const [GroupName, Precedence] of [
    ['barista', 1],
    ['display', 2],
  ] as const) {
    await idp.send(new CreateGroupCommand({ UserPoolId: ids.poolId, GroupName, Precedence }));
  }
  return ids;
}

/** The staff password the tests use; it meets the default policy. */
export const STAFF_PASSWORD = 'Coffee-Beans-42';

/** Creates a staff user with a permanent password in the given groups. */
export async function createStaffUser(
  idp: CognitoIdentityProviderClient,
  poolId: string,
  username: string,
  groups: string[],
): Promise<void> {
  await idp.send(
    new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS' }),
  );
  await idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: username,
      Password: STAFF_PASSWORD,
      Permanent: true,
    }),
  );
  for (const GroupName of groups) {
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName }));
  }
}

/** A customer pool as the shop sets it up: email as username, passwordless sign-in by email code. */
export function createCustomerPool(idp: CognitoIdentityProviderClient): Promise<PoolAndClient> {
  return createPoolAndClient(
    idp,
    {
      PoolName: 'customers',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
    },
    { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  );
}

/** The shop's pools in a test bed, as {@link useShopTestBed} sets them up. */
export interface ShopTestBed {
  bed: CognitoTestBed;
  /** The staff pool ({@link createStaffPool}); only when staff users were asked for. */
  staff: PoolAndClient;
  /** The customer pool ({@link createCustomerPool}); only when asked for. */
  customers: PoolAndClient;
}

/**
 * Starts a test bed for the whole test file in `beforeAll` and stops it in `afterAll`, with the
 * shop's pools in it: a staff pool with `staffUsers` (username → groups, each with
 * {@link STAFF_PASSWORD}) when given, then a customer pool when `customers` is set. Declared at the
 * top of a file: `const { bed, staff } = useShopTestBed({ staffUsers: { barista: ['barista'] } });`.
 */
export function useShopTestBed(options: {
  staffUsers?: Record<string, string[]>;
  customers?: boolean;
}): ShopTestBed {
  let staff: PoolAndClient | undefined;
  let customers: PoolAndClient | undefined;
  const bed = suiteResource(
    'The Cognito test bed',
    startTestBed,
    (started) => started.stop(),
    async ({ idp }) => {
      if (options.staffUsers) {
        staff = await createStaffPool(idp);
        for (const [username, groups] of Object.entries(options.staffUsers))
          await createStaffUser(idp, staff.poolId, username, groups);
      }
      if (options.customers) customers = await createCustomerPool(idp);
    },
  );
  return {
    bed,
    staff: lateBound('The staff pool', () => staff),
    customers: lateBound('The customer pool', () => customers),
  };
}

/** Signs a user in with USER_PASSWORD_AUTH: `barista` with {@link STAFF_PASSWORD} unless told otherwise. */
export function passwordSignIn(
  idp: CognitoIdentityProviderClient,
  clientId: string,
  username = 'barista',
  password = STAFF_PASSWORD,
): Promise<InitiateAuthCommandOutput> {
  return idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
}

/** Signs a customer up by email alone, as the customer app does; the pool sends the email a code. */
export function signUpCustomer(
  idp: CognitoIdentityProviderClient,
  clientId: string,
  email: string,
): Promise<SignUpCommandOutput> {
  return idp.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
}

/** Runs `action` and returns the error it throws (failing when it does not). */
export async function errorOf(action: Promise<unknown>): Promise<Error & { name: string }> {
  try {
    await action;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
