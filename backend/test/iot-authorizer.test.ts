import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { policyAuthorizer } from '@coffee/localcloud';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mqttClientId } from '../src/contracts/mqtt-client-id.js';
import { StaffGroup } from '../src/contracts/roles.js';
import type { IotAuthorizerEvent, IotAuthorizerResponse } from '../src/realtime/iot-authorizer.js';
import type { IotAction, IotPolicyDocument } from '../src/realtime/policy-document.js';
import { resources } from '../src/resources.js';
import { TEST_PASSWORD } from './support/api-cloud.js';
import { type ShopCloud, startShopCloud } from './support/shop-cloud.js';

/** The ARN prefix of the local cloud's IoT resources: its region and account (the Lambda registry's). */
const IOT = 'arn:aws:iot:us-east-1:000000000000';
/** The query string IoT Core hands over for `wss://<endpoint>/mqtt?x-amz-customauthorizer-name=...&token=...`. */
const withToken = (token: string) => `?x-amz-customauthorizer-name=CoffeeShop-mqtt&token=${token}`;

let t: ShopCloud;
let customer: { userId: string; token: string };
let barista: string;
let display: string;

/** Invokes the declared `iotAuthorizer` function as IoT Core would, through the local Lambda service. */
async function authorize(event: IotAuthorizerEvent): Promise<IotAuthorizerResponse> {
  return (await t.cloud.lambda.invoke('iotAuthorizer', event)) as IotAuthorizerResponse;
}

/** The event of a WebSocket connection, its query string as given. */
function connection(queryString?: string): IotAuthorizerEvent {
  return {
    signatureVerified: false,
    protocols: ['tls', 'http', 'mqtt'],
    protocolData: {
      tls: { serverName: 'example-ats.iot.us-east-1.amazonaws.com' },
      http: { headers: {}, ...(queryString !== undefined && { queryString }) },
      mqtt: { clientId: 'anonymous.0f0e0d0c' },
    },
    connectionMetadata: { id: 'a1b2c3' },
  };
}

/** The resources each action is allowed on, in the one policy document of an answer. */
function grants(response: IotAuthorizerResponse): Partial<Record<IotAction, string[]>> {
  expect(response.policyDocuments).toHaveLength(1);
  const [document] = response.policyDocuments as [IotPolicyDocument];
  expect(document.Version).toBe('2012-10-17');
  return Object.fromEntries(document.Statement.map((statement) => [statement.Action, statement.Resource]));
}

function claimsOf(token: string): { sub: string; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
}

beforeAll(async () => {
  // In process: the tests below fake the authorizer's clock and watch its console.
  t = await startShopCloud('iot-authorizer', { functionsInProcess: true });
  [customer, barista, display] = await Promise.all([
    t.newCustomer(),
    t.idToken('barista'),
    t.idToken('display'),
  ]);
}, 30_000);
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the IoT Core custom authorizer', () => {
  it('lets an anonymous connection read the config topics only', async () => {
    const response = await authorize(connection('?x-amz-customauthorizer-name=CoffeeShop-mqtt'));

    expect(response).toMatchObject({ isAuthenticated: true, principalId: 'anonymous' });
    expect(grants(response)).toEqual({
      'iot:Connect': [`${IOT}:client/anonymous.*`],
      'iot:Subscribe': [`${IOT}:topicfilter/shops/*/config`],
      'iot:Receive': [`${IOT}:topic/shops/*/config`],
    });
    expect(response.disconnectAfterInSeconds).toBe(86_400);
    expect(response.refreshAfterInSeconds).toBe(3_600);
  });

  it.each([
    ['no query string', connection()],
    ['an empty token parameter', connection('?x-amz-customauthorizer-name=CoffeeShop-mqtt&token=')],
  ])('treats a connection with %s as anonymous', async (_, event) => {
    const response = await authorize(event);

    expect(response.principalId).toBe('anonymous');
    expect(grants(response)['iot:Subscribe']).toEqual([`${IOT}:topicfilter/shops/*/config`]);
  });

  it('lets a customer read their own orders topic and the config topics, until their token expires', async () => {
    const secondsLeft = () => claimsOf(customer.token).exp - Math.floor(Date.now() / 1000);
    // Read on both sides of the call: a second may tick over while it runs.
    const leftBefore = secondsLeft();
    const response = await authorize(connection(withToken(customer.token)));
    const leftAfter = secondsLeft();

    expect(response.isAuthenticated).toBe(true);
    expect(response.principalId).toBe(customer.userId.replaceAll('-', ''));
    expect(response.principalId).toMatch(/^[a-zA-Z0-9]{1,128}$/);
    expect(grants(response)).toEqual({
      'iot:Connect': [`${IOT}:client/anonymous.*`, `${IOT}:client/${customer.userId}.*`],
      'iot:Subscribe': [
        `${IOT}:topicfilter/shops/*/config`,
        `${IOT}:topicfilter/users/${customer.userId}/orders`,
      ],
      'iot:Receive': [`${IOT}:topic/shops/*/config`, `${IOT}:topic/users/${customer.userId}/orders`],
    });
    expect(response.disconnectAfterInSeconds).toBeGreaterThanOrEqual(Math.max(300, leftAfter));
    expect(response.disconnectAfterInSeconds).toBeLessThanOrEqual(Math.max(300, leftBefore));
  });

  it('reads the token IoT Core extracted by the token key name as well', async () => {
    const response = await authorize({ ...connection(), token: customer.token });

    expect(response.principalId).toBe(customer.userId.replaceAll('-', ''));
    expect(grants(response)['iot:Subscribe']).toContain(`${IOT}:topicfilter/users/${customer.userId}/orders`);
  });

  it.each([
    ['barista', () => barista],
    ['display', () => display],
  ])('lets the %s read every shop’s queue, the config topics and its own topic', async (_, token) => {
    const { sub } = claimsOf(token());

    const response = await authorize(connection(withToken(token())));

    expect(response).toMatchObject({ isAuthenticated: true, principalId: sub.replaceAll('-', '') });
    expect(grants(response)).toEqual({
      'iot:Connect': [`${IOT}:client/anonymous.*`, `${IOT}:client/${sub}.*`],
      'iot:Subscribe': [
        `${IOT}:topicfilter/shops/*/config`,
        `${IOT}:topicfilter/users/${sub}/orders`,
        `${IOT}:topicfilter/shops/*/queue`,
      ],
      'iot:Receive': [
        `${IOT}:topic/shops/*/config`,
        `${IOT}:topic/users/${sub}/orders`,
        `${IOT}:topic/shops/*/queue`,
      ],
    });
  });

  it.each([
    ['a token whose claims were changed', () => forged(customer.token, { sub: claimsOf(barista).sub })],
    ['a token whose groups were changed', () => forged(customer.token, { 'cognito:groups': ['barista'] })],
    ['something that is no token', () => 'not-a-jwt'],
    ['an access token', () => accessToken('barista')],
  ])('refuses %s, logging why but never the token', async (_, token) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refused = await token();

    const response = await authorize(connection(withToken(refused)));

    expect(response.isAuthenticated).toBe(false);
    expect(response.policyDocuments).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('connection a1b2c3 refused'));
    expect(JSON.stringify(warn.mock.calls)).not.toContain(refused);
  });

  it('refuses an expired token', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.useFakeTimers({ toFake: ['Date'], now: (claimsOf(customer.token).exp + 60) * 1000 });

    const response = await authorize(connection(withToken(customer.token)));

    expect(response.isAuthenticated).toBe(false);
    expect(response.policyDocuments).toEqual([]);
  });

  it('grants on AWS exactly what the local broker allows, from the same declared policies: topics and client ids', async () => {
    const principals = [
      { name: 'anonymous', token: undefined },
      { name: 'customer', token: customer.token },
      { name: 'barista', token: barista },
      { name: 'display', token: display },
    ];
    for (const { name, token } of principals) {
      const sub = token ? claimsOf(token).sub : 'nobody';
      const groups =
        name === 'barista' ? [StaffGroup.barista] : name === 'display' ? [StaffGroup.display] : [];
      const broker = policyAuthorizer({
        policies: resources.iot.policies,
        verify: async () => ({ sub, groups }),
      });
      const principal = token ? { sub, groups } : undefined;
      const response = await authorize(connection(token ? withToken(token) : undefined));
      const [document] = response.policyDocuments as [IotPolicyDocument];
      const filters = [
        'shops/main/config',
        'shops/+/config',
        'shops/main/queue',
        'shops/+/queue',
        `users/${sub}/orders`,
        `users/${claimsOf(customer.token).sub}/orders`,
        'users/someone-else/orders',
        'users/+/orders',
        'shops/#',
        '#',
      ];
      for (const filter of filters) {
        const local = await broker.authorizeSubscribe(principal, filter);
        expect(allows(document, 'iot:Subscribe', `topicfilter/${filter}`), `${name} ${filter}`).toBe(local);
        if (!/[+#]/.test(filter))
          expect(allows(document, 'iot:Receive', `topic/${filter}`), `${name} ${filter}`).toBe(local);
      }
      const clientIds = [
        mqttClientId(undefined, 'tab1'),
        mqttClientId(sub, 'tab1'),
        mqttClientId(claimsOf(customer.token).sub, 'tab1'),
        mqttClientId('someone-else', 'tab1'),
        `${sub}-tab1`,
        'mqttjs_0f0e0d0c',
      ];
      for (const clientId of clientIds) {
        const local = (await broker.authenticate({ clientId, ...(token && { token }) })) !== false;
        expect(allows(document, 'iot:Connect', `client/${clientId}`), `${name} ${clientId}`).toBe(local);
      }
      expect(
        await broker.authenticate({
          clientId: mqttClientId('someone-else', 'tab1'),
          ...(token && { token }),
        }),
      ).toBe(false);
      expect(document.Statement.map((statement) => statement.Action)).not.toContain('iot:Publish');
      expect(JSON.stringify(document).length).toBeLessThanOrEqual(2048);
    }
  });
});

/** Whether IoT Core would allow `action` on a resource (`topicfilter/...`): `*` in a policy resource matches any characters. */
function allows(document: IotPolicyDocument, action: IotAction, resource: string): boolean {
  return document.Statement.filter((statement) => statement.Action === action)
    .flatMap((statement) => statement.Resource)
    .some((pattern) =>
      new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(`${IOT}:${resource}`),
    );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A real token with changed claims and its original signature. */
function forged(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
  return [header, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature].join('.');
}

async function accessToken(username: string): Promise<string> {
  const signIn = await t.idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: t.cloud.resources?.userPoolClients.coffee?.apps,
      AuthParameters: { USERNAME: username, PASSWORD: TEST_PASSWORD },
    }),
  );
  return signIn.AuthenticationResult?.AccessToken as string;
}
