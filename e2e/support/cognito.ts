import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { StaffGroup } from '@coffee/backend/contracts';

/** What the apps read at `/config.json` (only what the journeys need of it). */
interface RuntimeConfig {
  region: string;
  auth: { userPoolId: string };
}

/**
 * Creates another barista account, as an administrator would on AWS: AdminCreateUser,
 * AdminSetUserPassword (permanent) and AdminAddUserToGroup `barista`, through the official SDK
 * client pointed at the edge (any credentials do).
 */
export async function createBarista(
  webUrl: string,
  edgeUrl: string,
  username: string,
  password: string,
): Promise<void> {
  const config = (await (await fetch(`${webUrl}/config.json`)).json()) as RuntimeConfig;
  const client = new CognitoIdentityProviderClient({
    endpoint: edgeUrl,
    region: config.region,
    credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' },
  });
  const pool = { UserPoolId: config.auth.userPoolId, Username: username };
  try {
    await client.send(new AdminCreateUserCommand({ ...pool, MessageAction: 'SUPPRESS' }));
    await client.send(new AdminSetUserPasswordCommand({ ...pool, Password: password, Permanent: true }));
    await client.send(new AdminAddUserToGroupCommand({ ...pool, GroupName: StaffGroup.barista }));
  } finally {
    client.destroy();
  }
}
