import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { userPool } from '../aws/config.js';

/** An account of the user pool made for one job, signed in. */
export interface ScratchAccount {
  username: string;
  /** The user pool's `sub` of the account. */
  sub: string;
  idToken: string;
}

/**
 * Accounts of the API's user pool that exist only while a job runs: each is created with a random
 * password, put in its groups, signed in with the app client (USER_PASSWORD_AUTH) as a person
 * would be, and deleted by {@link deleteAll} — its tokens and memberships with it. Their usernames
 * start with the job's prefix, so what an interrupted job leaves is recognisable.
 */
export class ScratchAccounts {
  private readonly cognito = new CognitoIdentityProviderClient({});
  private readonly usernames: string[] = [];

  constructor(private readonly prefix: string) {}

  /** Creates and signs in an account in `groups` (none: a customer), with an email address. */
  async create(name: string, groups: readonly string[] = []): Promise<ScratchAccount> {
    const UserPoolId = userPool.id();
    const username = `${this.prefix}-${name}`;
    const password = `Scratch-${randomUUID()}`;
    await this.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@scratch.invalid` }],
      }),
    );
    this.usernames.push(username);
    await this.cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
    for (const GroupName of groups)
      await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName }));
    const signedIn = await this.cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: userPool.clientId(),
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    const idToken = signedIn.AuthenticationResult?.IdToken;
    if (!idToken) throw new Error(`The scratch account ${username} got no ID token`);
    return { username, sub: String(decodeJwt(idToken).sub), idToken };
  }

  /** Deletes every account {@link create} made, with its tokens and group memberships. */
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
