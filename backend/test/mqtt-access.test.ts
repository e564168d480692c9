import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { LocalCloud } from '@coffee/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mqttClientId } from '../src/contracts/mqtt-client-id.js';
import { shopConfigTopic, shopQueueTopic, userOrdersTopic } from '../src/contracts/topics.js';
import { resources } from '../src/resources.js';
import { connectMqtt } from './support/mqtt-client.js';

const PASSWORD = 'Test-Password-1';
const dataDir = mkdtempSync(join(tmpdir(), 'backend-mqtt-'));
let cloud: LocalCloud;
let mqttUrl: string;
let cognito: CognitoIdentityProviderClient;

/** An ID token for `username`, creating the account first when asked. */
async function idToken(username: string, create = false): Promise<string> {
  const poolId = cloud.resources?.userPools.coffee as string;
  if (create) {
    await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS' }),
    );
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: PASSWORD,
        Permanent: true,
      }),
    );
  }
  const signIn = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud.resources?.userPoolClients.coffee?.apps,
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  );
  return signIn.AuthenticationResult?.IdToken as string;
}

function subOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;
}

/** The SUBACK codes a client gets for each filter (0 granted, 128 refused). */
async function subscribe(token: string | undefined, filters: string[]): Promise<number[]> {
  const client = await connectMqtt(mqttUrl, token);
  try {
    const granted = await client.subscribeAsync(filters, { qos: 1 });
    return granted.map((grant) => grant.qos);
  } catch (error) {
    // mqtt.js rejects a SUBACK holding a refusal; the packet still says which filters were refused.
    const packet = (error as { packet?: { granted?: number[] } }).packet;
    if (!packet?.granted) throw error;
    return packet.granted;
  } finally {
    await client.endAsync();
  }
}

beforeAll(async () => {
  cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
    app: { declaration: resources, baseDir: join(import.meta.dirname, '..'), userPassword: PASSWORD },
    web: { port: 0, landingPage: () => '', runtimeConfig: () => ({}) },
  });
  const address = cloud.web?.server.address() as { port: number };
  mqttUrl = `ws://127.0.0.1:${address.port}/mqtt`;
  cognito = new CognitoIdentityProviderClient({
    endpoint: cloud.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(async () => {
  cognito.destroy();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Who = 'anonymous' | 'ada' | 'barista' | 'display';
const ADA = 'ada-matrix@example.com';
let adaSub: string;

describe('who may subscribe to which topic (DESIGN "MQTT topics")', () => {
  beforeAll(async () => {
    adaSub = subOf(await idToken(ADA, true));
  });

  it('lets anyone follow a shop’s config, and an anonymous client nothing else', async () => {
    expect(
      await subscribe(undefined, [shopConfigTopic('main'), shopQueueTopic('main'), userOrdersTopic('ada')]),
    ).toEqual([1, 128, 128]);
  });

  it('lets a customer follow their own orders and the config, not another’s orders or the queue', async () => {
    const token = await idToken('ada@example.com', true);
    const own = userOrdersTopic(subOf(token));
    expect(
      await subscribe(token, [
        own,
        shopConfigTopic('main'),
        userOrdersTopic('someone-else'),
        shopQueueTopic('main'),
        'users/+/orders',
      ]),
    ).toEqual([1, 1, 128, 128, 128]);
  });

  it.each(['barista', 'display'])('lets the %s follow the queue, not customers’ orders', async (username) => {
    const token = await idToken(username);
    expect(
      await subscribe(token, [shopQueueTopic('main'), shopConfigTopic('main'), userOrdersTopic('ada')]),
    ).toEqual([1, 1, 128]);
  });

  /**
   * Topic filter → who may subscribe, row by row: DESIGN's table, then filters that are not a shop
   * topic. A staff filter over every shop (`shops/+/queue`) is what the IoT policy grants; a
   * customer's topic is never covered by a wildcard.
   */
  const MATRIX: [string, Who[]][] = [
    ['shops/main/config', ['anonymous', 'ada', 'barista', 'display']],
    ['shops/other/config', ['anonymous', 'ada', 'barista', 'display']],
    ['shops/+/config', ['anonymous', 'ada', 'barista', 'display']],
    ['shops/main/queue', ['barista', 'display']],
    ['shops/+/queue', ['barista', 'display']],
    ['users/<ada>/orders', ['ada']],
    ['users/someone-else/orders', []],
    ['users/+/orders', []],
    ['users/#', []],
    ['users/<ada>/#', []],
    ['#', []],
    ['+/+/+', []],
    ['shops/#', []],
    ['shops/main/+', []],
    ['shops/main/#', []],
    ['shops/main/config/extra', []],
    ['shops/main', []],
    ['$SYS/broker/clients', []],
  ];

  it.each(['anonymous', 'ada', 'barista', 'display'] as const)(
    'grants the %s exactly the filters of the access matrix',
    async (who) => {
      const token = who === 'anonymous' ? undefined : await idToken(who === 'ada' ? ADA : who);
      const filters = MATRIX.map(([filter]) => filter.replace('<ada>', adaSub));

      const codes = await subscribe(token, filters);

      expect(Object.fromEntries(MATRIX.map(([filter], i) => [filter, codes[i] === 1]))).toEqual(
        Object.fromEntries(MATRIX.map(([filter, allowed]) => [filter, allowed.includes(who)])),
      );
    },
  );

  it('refuses a connection whose token does not verify', async () => {
    const token = await idToken('barista');
    const forged = `${token.slice(0, -4)}AAAA`;
    await expect(connectMqtt(mqttUrl, forged)).rejects.toThrow(/[Nn]ot authorized/);
  });
});

describe('who may connect with which client id', () => {
  let ada: string;
  let bob: string;
  beforeAll(async () => {
    [ada, bob] = await Promise.all([
      idToken('ada-ids@example.com', true),
      idToken('bob-ids@example.com', true),
    ]);
  });

  it('keeps a customer’s connection theirs: another user, or an anonymous client, cannot take its id over', async () => {
    // Arrange: Ada follows her orders
    const adaClientId = mqttClientId(subOf(ada), 'phone');
    const adaClient = await connectMqtt(mqttUrl, ada, { clientId: adaClientId });
    const closed = new Promise<void>((resolve) => adaClient.once('close', () => resolve()));

    try {
      // Act / Assert: connecting with her client id is refused to everyone but her
      await expect(connectMqtt(mqttUrl, bob, { clientId: adaClientId })).rejects.toThrow(/[Nn]ot authorized/);
      await expect(connectMqtt(mqttUrl, undefined, { clientId: adaClientId })).rejects.toThrow(
        /[Nn]ot authorized/,
      );
      await expect(connectMqtt(mqttUrl, bob, { clientId: 'mqttjs_0f0e0d0c' })).rejects.toThrow(
        /[Nn]ot authorized/,
      );

      // Assert: her connection is still up and still gets what she subscribed to
      expect(await Promise.race([closed.then(() => 'closed'), sleep(300).then(() => 'up')])).toBe('up');
      expect(adaClient.connected).toBe(true);
      await expect(adaClient.subscribeAsync(userOrdersTopic(subOf(ada)), { qos: 1 })).resolves.toBeDefined();
    } finally {
      await adaClient.endAsync(true);
    }
  });

  it('lets a user connect from several tabs at once, each with a client id of its own', async () => {
    const tabs = await Promise.all([connectMqtt(mqttUrl, ada), connectMqtt(mqttUrl, ada)]);
    try {
      expect(tabs.map((tab) => tab.connected)).toEqual([true, true]);
    } finally {
      await Promise.all(tabs.map((tab) => tab.endAsync(true)));
    }
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
