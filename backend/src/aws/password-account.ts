import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** An account of a user pool that signs in with a password, and the app client it signs in at. */
export interface PasswordAccount {
  userPoolId: string;
  clientId: string;
  username: string;
  password: string;
  email: string;
  groups?: readonly string[];
}

/**
 * Creates `account` with the pool's admin API — no invitation sent, the password permanent, put in
 * its groups — and signs it in at the app client as a person would (USER_PASSWORD_AUTH). Answers
 * its ID token.
 */
export async function createSignedInAccount(
  cognito: CognitoIdentityProviderClient,
  account: PasswordAccount,
): Promise<string> {
  const { userPoolId: UserPoolId, username: Username } = account;
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: account.email }],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: account.password, Permanent: true }),
  );
  for (const GroupName of account.groups ?? [])
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName }));
  return signInWithPassword(cognito, account.clientId, Username, account.password);
}

/** Signs `username` in at the app client `clientId` with its password (USER_PASSWORD_AUTH): its ID token. */
export async function signInWithPassword(
  cognito: CognitoIdentityProviderClient,
  clientId: string,
  username: string,
  password: string,
): Promise<string> {
  const signedIn = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  const idToken = signedIn.AuthenticationResult?.IdToken;
  if (!idToken) throw new Error(`${username} got no ID token`);
  return idToken;
}
