import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { LocalCloud } from '@coffee/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const INFRA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const REGION = 'eu-west-1';
const credentials = { accessKeyId: 'operator', secretAccessKey: 'operator' };

let cloud: LocalCloud;
let dataDir: string;
let cognito: CognitoIdentityProviderClient;
let userPoolId: string;
let clientId: string;

/**
 * The deployed pool as the stack leaves it, on the local cloud's Cognito (the same API): AWS's
 * password policy, the staff accounts created without a password anyone knows.
 */
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'staff-passwords-'));
  cloud = await LocalCloud.start({ dataDir, edgePort: 0, region: REGION });
  cognito = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: REGION, credentials });
  const pool = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'shop',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    }),
  );
  userPoolId = pool.UserPool?.Id as string;
  const client = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'tablets',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
    }),
  );
  clientId = client.UserPoolClient?.ClientId as string;
  for (const username of ['barista', 'display'])
    await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' }),
    );
});

afterAll(async () => {
  cognito.destroy();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * `npm run staff-passwords` as the operator runs it, its AWS calls going to the local cloud (which
 * runs in this process: the call must not block it).
 */
async function staffPasswords(args: string[], env: Record<string, string> = {}) {
  const run = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bin/staff-passwords.ts', ...args],
    {
      cwd: INFRA_DIR,
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: cloud.endpoint,
        AWS_REGION: REGION,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        STAFF_PASSWORD: '',
        ...env,
      },
      encoding: 'utf8',
    },
  ).then(
    ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ ...error, status: error.code }),
  );
  const printed = new Map(
    [...run.stdout.matchAll(/^ {2}(\S+) +(\S+)$/gm)].map(([, username, password]) => [username, password]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, printed };
}

/** Whether `username` signs in with `password`, as a tablet does. */
async function signsIn(username: string, password: string | undefined): Promise<boolean> {
  return cognito
    .send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password ?? '' },
      }),
    )
    .then(
      (answer) => answer.AuthenticationResult?.IdToken !== undefined,
      () => false,
    );
}

describe('npm run staff-passwords', () => {
  it('gives each staff account a password the tablets sign in with, and new ones when run again', async () => {
    // Act
    const first = await staffPasswords(['--user-pool-id', userPoolId]);
    const second = await staffPasswords(['--user-pool-id', userPoolId]);

    // Assert
    expect(first.status).toBe(0);
    expect([...first.printed.keys()]).toEqual(['barista', 'display']);
    expect(first.printed.get('barista')).not.toBe(first.printed.get('display'));
    expect(await signsIn('barista', second.printed.get('barista'))).toBe(true);
    expect(await signsIn('display', second.printed.get('display'))).toBe(true);
    expect(await signsIn('barista', first.printed.get('barista'))).toBe(false);
  });

  it('sets STAFF_PASSWORD on each account when it is given', async () => {
    // Act
    const run = await staffPasswords(['--user-pool-id', userPoolId], { STAFF_PASSWORD: 'Counter-Beans-42' });

    // Assert
    expect(run.status).toBe(0);
    expect(await signsIn('barista', 'Counter-Beans-42')).toBe(true);
    expect(await signsIn('display', 'Counter-Beans-42')).toBe(true);
  });

  it('says in one line which rule a refused STAFF_PASSWORD breaks, and which pool is not the shop’s', async () => {
    // Act
    const refused = await staffPasswords(['--user-pool-id', userPoolId], { STAFF_PASSWORD: 'Beans-42' });
    const elsewhere = await staffPasswords(['--user-pool-id', `${REGION}_nothere`]);

    // Assert
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^STAFF_PASSWORD is refused: .*not long enough$/);
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr.trim()).toBe(
      `There is no user pool ${REGION}_nothere in this account and region.`,
    );
  });

  it('says in one line that it has no AWS credentials', async () => {
    // Act: the stack's output is read from CloudFormation, which needs them.
    const run = await staffPasswords([], {
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_PROFILE: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_CONFIG_FILE: '/nonexistent',
    });

    // Assert
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'No AWS credentials: sign in as for npm run deploy (an AWS CLI profile, or AWS_* variables).',
    );
  });
});
