import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LocalCloud } from '@coffee/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../src/resources.js';

const STAFF_PASSWORD = 'Staff-Password-1';
const dataDir = mkdtempSync(join(tmpdir(), 'backend-resources-'));
let cloud: LocalCloud;
const client = () => ({
  endpoint: cloud.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

beforeAll(async () => {
  cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
    app: { declaration: resources, baseDir: join(import.meta.dirname, '..'), userPassword: STAFF_PASSWORD },
  });
});
afterAll(async () => {
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the shop’s declared resources on the local cloud', () => {
  it('has every table the shop keeps its data in', async () => {
    const dynamodb = new DynamoDBClient(client());
    const tables = await dynamodb.send(new ListTablesCommand({}));
    expect(tables.TableNames?.sort()).toEqual(['codes', 'customers', 'idempotency', 'orders', 'shops']);
    dynamodb.destroy();
  });

  it.each([
    ['barista', ['barista']],
    ['display', ['display']],
  ])('lets the %s account sign in with a password, in its group', async (username, groups) => {
    const cognito = new CognitoIdentityProviderClient(client());
    const signIn = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: cloud.resources?.userPoolClients.coffee?.apps,
        AuthParameters: { USERNAME: username, PASSWORD: STAFF_PASSWORD },
      }),
    );
    const idToken = String(signIn.AuthenticationResult?.IdToken);
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] as string, 'base64url').toString());
    expect(claims['cognito:groups']).toEqual(groups);
    cognito.destroy();
  });
});
