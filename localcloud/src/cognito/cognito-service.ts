import type { AwsJsonService } from '../edge/aws-json-service.js';
import type { EdgeRoute } from '../edge/edge-route.js';
import type { MessageSender } from '../outbox/outbox.js';
import { type CognitoActionName, cognitoService, PUBLIC_ACTIONS, runAction } from './api/index.js';
import type { Input } from './api/request-fields.js';
import { SigningKeys } from './auth/signing-keys.js';
import { type CognitoContext, issuerOf } from './context.js';
import { type PublicApiHandler, publicApiHandler } from './http/public-api-handler.js';
import { wellKnownRoutes } from './http/well-known-routes.js';
import { createAppClient, listAppClients, type NewAppClient } from './pools/app-clients.js';
import { createUserPool, listUserPools, type NewUserPool, requireUserPool } from './pools/user-pools.js';
import type { UserRecord, UserStatus } from './records.js';
import { CognitoStore } from './store/cognito-store.js';
import { sweepExpired } from './store/sweep.js';
import { adminCreateUser, adminSetUserPassword, type NewAdminUser } from './users/admin-users.js';
import { addUserToGroup, createGroup, findGroup, type NewGroup } from './users/groups.js';
import { resolveUser } from './users/user-directory.js';

/** How to open the user-pool service. */
export interface CognitoServiceOptions {
  /** The folder of the service's store; created if missing. */
  dataDir: string;
  /** The region of pools created without a signed region (and by the helpers). */
  region: string;
  /**
   * The base URL of token issuers, read whenever a token is signed: `iss` is
   * `${issuerBaseUrl()}/${userPoolId}`, and the JWKS is served under it.
   */
  issuerBaseUrl: () => string;
  /** Where one-time codes and invitations are sent. */
  outbox: MessageSender;
  /** The clock, for tests. */
  now?: () => number;
  /** Flush every write to the disk, for power loss. */
  syncWrites?: boolean;
}

/** A pool as the helpers return it. */
export interface UserPoolSummary {
  id: string;
  name: string;
  arn: string;
}

/** An app client as the helpers return it. */
export interface AppClientSummary {
  clientId: string;
  poolId: string;
  name: string;
  clientSecret?: string;
}

/** A user as the helpers return it. */
export interface UserSummary {
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
}

function userSummary(user: UserRecord): UserSummary {
  return {
    username: user.username,
    sub: user.sub,
    status: user.status,
    enabled: user.enabled,
    attributes: { ...user.attributes },
  };
}

/**
 * A local Cognito user pools service: pools, app clients, users, groups, sign-up with email
 * codes, sign-in (password, email one-time code, refresh) issuing RS256 JWTs with Cognito's
 * claims, and each pool's JWKS. Everything lives in a LevelDB store and survives restarts.
 */
export class CognitoService {
  /** The actions a browser calls without AWS credentials; the rest are administrative. */
  readonly publicActions: ReadonlySet<CognitoActionName> = new Set(PUBLIC_ACTIONS);

  private constructor(private readonly context: CognitoContext) {}

  /** Opens the store in `options.dataDir` and drops expired sessions. */
  static async open(options: CognitoServiceOptions): Promise<CognitoService> {
    const store = await CognitoStore.open(options.dataDir, options.syncWrites);
    const context: CognitoContext = {
      store,
      now: options.now ?? Date.now,
      outbox: options.outbox,
      region: options.region,
      issuerBaseUrl: options.issuerBaseUrl,
      keys: new SigningKeys(),
      cache: { pools: new Map(), clients: new Map() },
    };
    try {
      await sweepExpired(context);
    } catch (error) {
      await store.close();
      throw error;
    }
    return new CognitoService(context);
  }

  /** Lets pending writes finish and closes the store. */
  close(): Promise<void> {
    return this.context.store.close();
  }

  /**
   * The user pools API for the edge (`AWSCognitoIdentityProviderService.*`, JSON 1.1): every
   * action, or only `only` (for example {@link CognitoService.publicActions} on a public port).
   */
  awsJsonService(only?: Iterable<CognitoActionName>): AwsJsonService {
    return cognitoService(this.context, only);
  }

  /**
   * The public actions (only) for a public port such as the web port: mount it at a path (say
   * `/cognito`) and give Amplify that URL as `userPoolEndpoint`. Same-origin for the apps; CORS
   * is answered anyway.
   */
  publicHandler(): PublicApiHandler {
    return publicApiHandler(this.awsJsonService(this.publicActions), this.context.region);
  }

  /**
   * The routes each pool publishes: `GET /{userPoolId}/.well-known/jwks.json` and
   * `/.well-known/openid-configuration`, with CORS headers.
   */
  routes(): EdgeRoute[] {
    return wellKnownRoutes(this.context);
  }

  /** A pool's issuer (`iss` of its tokens). */
  issuer(userPoolId: string): string {
    return issuerOf(this.context, userPoolId);
  }

  /** A pool's JWKS URL. */
  jwksUrl(userPoolId: string): string {
    return `${this.issuer(userPoolId)}/.well-known/jwks.json`;
  }

  /** Runs any action with a wire-shaped request, as the edge would. */
  call(action: CognitoActionName, input: Input): Promise<unknown> {
    return runAction(this.context, action, input);
  }

  /** CreateUserPool. */
  async createUserPool(spec: NewUserPool): Promise<UserPoolSummary> {
    const pool = await createUserPool(this.context, spec);
    return { id: pool.id, name: pool.name, arn: pool.arn };
  }

  /** The first pool named `name`, if any (pool names need not be unique; IDs are). */
  async findUserPoolByName(name: string): Promise<UserPoolSummary | undefined> {
    let after: string | undefined;
    do {
      const page = await listUserPools(this.context, { limit: 60, ...(after !== undefined && { after }) });
      const pool = page.pools.find((candidate) => candidate.name === name);
      if (pool) return { id: pool.id, name: pool.name, arn: pool.arn };
      after = page.lastKey;
    } while (after !== undefined);
    return undefined;
  }

  /** CreateUserPoolClient. */
  async createUserPoolClient(spec: NewAppClient): Promise<AppClientSummary> {
    const client = await createAppClient(this.context, spec);
    return {
      clientId: client.clientId,
      poolId: client.poolId,
      name: client.name,
      ...(client.secret !== undefined && { clientSecret: client.secret }),
    };
  }

  /** The first client of a pool named `name`, if any. */
  async findUserPoolClientByName(userPoolId: string, name: string): Promise<AppClientSummary | undefined> {
    let after: string | undefined;
    do {
      const page = await listAppClients(this.context, userPoolId, {
        limit: 60,
        ...(after !== undefined && { after }),
      });
      const client = page.clients.find((candidate) => candidate.name === name);
      if (client) {
        return {
          clientId: client.clientId,
          poolId: client.poolId,
          name: client.name,
          ...(client.secret !== undefined && { clientSecret: client.secret }),
        };
      }
      after = page.lastKey;
    } while (after !== undefined);
    return undefined;
  }

  /** CreateGroup; `GroupExistsException` when the pool has it already. */
  async createGroup(userPoolId: string, spec: NewGroup): Promise<void> {
    await createGroup(this.context, await requireUserPool(this.context, userPoolId), spec);
  }

  /** Whether the pool has a group named `groupName`. */
  async hasGroup(userPoolId: string, groupName: string): Promise<boolean> {
    return (
      (await findGroup(this.context, await requireUserPool(this.context, userPoolId), groupName)) !==
      undefined
    );
  }

  /** AdminCreateUser; `UsernameExistsException` when the user exists. */
  async adminCreateUser(userPoolId: string, spec: NewAdminUser): Promise<UserSummary> {
    const pool = await requireUserPool(this.context, userPoolId);
    return userSummary(await adminCreateUser(this.context, pool, spec));
  }

  /** AdminSetUserPassword: `permanent` confirms the user. */
  async adminSetUserPassword(
    userPoolId: string,
    username: string,
    password: string,
    permanent: boolean,
  ): Promise<void> {
    const pool = await requireUserPool(this.context, userPoolId);
    await adminSetUserPassword(this.context, pool, username, password, permanent);
  }

  /** AdminAddUserToGroup. */
  async adminAddUserToGroup(userPoolId: string, username: string, groupName: string): Promise<void> {
    await addUserToGroup(this.context, await requireUserPool(this.context, userPoolId), username, groupName);
  }

  /** The user a username or alias names, or undefined (AdminGetUser without the error). */
  async findUser(userPoolId: string, username: string): Promise<UserSummary | undefined> {
    const user = await resolveUser(this.context, await requireUserPool(this.context, userPoolId), username);
    return user && userSummary(user);
  }
}
