import { randomUUID } from 'node:crypto';
import {
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { userPool } from '../aws/config.js';
import { createSignedInAccount } from '../aws/password-account.js';

/** An account of the user pool made for one job, signed in. */
export interface ScratchAccount {
  username: string;
  /** The user pool's `sub` of the account. */
  sub: string;
  idToken: string;
}

/**
 * The username of a scratch account, `<job>.<name>`, both lowercase words and dashes: never an
 * email address, which a customer's username is, so no customer is ever taken for a leftover.
 */
const SCRATCH_USERNAME = /^([a-z0-9-]+)\.([a-z0-9-]+)$/;

/** An account a job made, as the user pool lists it. */
export interface ListedAccount {
  username: string;
  sub: string;
}

/**
 * Accounts of the API's user pool that exist only while a job runs: each is created with a random
 * password, put in its groups, signed in with the app client (USER_PASSWORD_AUTH) as a person
 * would be, and deleted by {@link deleteAll} — its tokens and memberships with it. Their usernames
 * are `<job>.<name>`, so that what a job cut off by a crash leaves is found by its job's name
 * ({@link adoptLeftovers}) and can be adopted and deleted by the next one.
 */
export class ScratchAccounts {
  private readonly cognito = new CognitoIdentityProviderClient({});
  private readonly usernames: string[] = [];

  constructor(private readonly job: string) {}

  /** Creates and signs in an account in `groups` (none: a customer), with an email address. */
  async create(name: string, groups: readonly string[] = []): Promise<ScratchAccount> {
    const username = `${this.job}.${name}`;
    if (!SCRATCH_USERNAME.test(username)) throw new Error(`${username} is no scratch account's name`);
    // Known before it exists, so that deleteAll removes it even if signing in fails.
    this.usernames.push(username);
    const idToken = await createSignedInAccount(this.cognito, {
      userPoolId: userPool.id(),
      clientId: userPool.clientId(),
      username,
      password: `Scratch-${randomUUID()}`,
      email: `${username}@scratch.invalid`,
      groups,
    });
    return { username, sub: String(decodeJwt(idToken).sub), idToken };
  }

  /**
   * The scratch accounts of other jobs whose names start with `family`, by job, adopted:
   * {@link deleteAll} deletes them with this job's own.
   */
  async adoptLeftovers(family: string): Promise<Map<string, ListedAccount[]>> {
    const byJob = new Map<string, ListedAccount[]>();
    let PaginationToken: string | undefined;
    do {
      const page = await this.cognito.send(
        new ListUsersCommand({
          UserPoolId: userPool.id(),
          Filter: `username ^= "${family}"`,
          ...(PaginationToken && { PaginationToken }),
        }),
      );
      for (const user of page.Users ?? []) {
        const username = String(user.Username);
        const job = SCRATCH_USERNAME.exec(username)?.[1];
        const sub = user.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
        if (!job?.startsWith(family) || job === this.job || !sub) continue;
        byJob.set(job, [...(byJob.get(job) ?? []), { username, sub }]);
        this.usernames.push(username);
      }
      PaginationToken = page.PaginationToken;
    } while (PaginationToken);
    return byJob;
  }

  /** Deletes every account {@link create} made or {@link adoptLeftovers} adopted, with its tokens and group memberships. */
  async deleteAll(): Promise<void> {
    const UserPoolId = userPool.id();
    await Promise.all(
      this.usernames.splice(0).map((Username) =>
        this.cognito.send(new AdminDeleteUserCommand({ UserPoolId, Username })).catch((error: unknown) => {
          if (!(error instanceof UserNotFoundException)) throw error;
        }),
      ),
    );
  }
}
