import {
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '../src/api/auth.js';
import { userPool } from '../src/aws/config.js';
import { Api, pathFor } from '../src/contracts/api.js';
import { type ApiCloud, createUser, errorOf, startApiCloud, TEST_PASSWORD } from './support/api-cloud.js';

let bed: ApiCloud;
/** The verifier the API builds, here pointed at the pool directly: the issuer is `<edge>/<poolId>`. */
let verify: TokenVerifier;
const tokens: Record<'barista' | 'display' | 'customer', string> = { barista: '', display: '', customer: '' };

beforeAll(async () => {
  // In process: the tests below fake the API's clock and watch its console.
  bed = await startApiCloud('api-auth', { functionsInProcess: true });
  tokens.barista = await bed.idToken('barista');
  tokens.display = await bed.idToken('display');
  tokens.customer = await bed.newCustomer();
  verify = createTokenVerifier({ issuer: `${bed.cloud.endpoint}/${bed.poolId}`, audience: bed.clientId });
});
afterAll(async () => {
  await bed?.stop();
});

/** The barista routes of the config service, each with a body it accepts. */
const BARISTA_ROUTES: Array<[string, string, unknown]> = [
  ['PUT', pathFor(Api.setShopOpen, { shopId: 'main' }), { open: false }],
  ['PUT', pathFor(Api.setDrinkAvailability, { shopId: 'main', drinkId: 'latte' }), { available: true }],
  ['PUT', pathFor(Api.updateLimits, { shopId: 'main' }), {}],
];

/** Re-signs a token's claims with a key of our own, under the header it had (its `kid` included). */
async function resign(token: string, claims: Record<string, unknown> = decodeJwt(token)): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims)
    .setProtectedHeader(decodeProtectedHeader(token) as { alg: string })
    .sign(privateKey);
}

/** A token whose payload was edited after signing, keeping the pool's signature. */
function tampered(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const edited = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${signature}`;
}

describe('who may call the barista routes (401 → 403)', () => {
  const cases = BARISTA_ROUTES.flatMap(([method, path, body]) =>
    (
      [
        ['anonymous', 401, 'unauthenticated'],
        ['customer', 403, 'forbidden'],
        ['display', 403, 'forbidden'],
        ['barista', 200, undefined],
      ] as const
    ).map(([who, status, code]) => [method, path, who, status, code, body] as const),
  );

  it.each(cases)('%s %s as %s → %i %s', async (method, path, who, status, code, body) => {
    const token = who === 'anonymous' ? undefined : tokens[who];

    const response = await bed.call(method, path, { ...(token && { token }), body });

    expect(response.status).toBe(status);
    if (code) expect(await errorOf(response)).toMatchObject({ status, code });
    if (status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('checks the token before the shop: anonymous on an unknown shop is 401, a customer 403', async () => {
    const path = pathFor(Api.setShopOpen, { shopId: 'nope' });
    expect((await errorOf(await bed.call('PUT', path, { body: { open: true } }))).code).toBe(
      'unauthenticated',
    );
    expect((await errorOf(await bed.call('PUT', path, { token: tokens.customer, body: 'x' }))).code).toBe(
      'forbidden',
    );
  });

  it('lets anyone read the config, whatever token comes along', async () => {
    const path = pathFor(Api.getShopConfig, { shopId: 'main' });
    for (const token of [undefined, tokens.customer, tokens.display, 'not-a-token']) {
      expect((await bed.call('GET', path, { ...(token && { token }) })).status).toBe(200);
    }
  });
});

describe('tokens that are not accepted (401 unauthenticated)', () => {
  const [method, path, body] = BARISTA_ROUTES[0] as [string, string, unknown];
  const refused = async (authorization: string) => {
    const response = await fetch(`${bed.origin}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return errorOf(response);
  };

  /** What the API says, and why the verifier refused (jose's code), for each bad Authorization header. */
  const expectRefusal = async (authorization: string, cause: string | undefined) => {
    expect(await refused(authorization)).toMatchObject({ status: 401, code: 'unauthenticated' });
    const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
    if (cause === undefined) return;
    await expect(verify(token as string)).rejects.toMatchObject({
      code: 'unauthenticated',
      cause: { code: cause },
    });
  };

  it.each<[string, () => Promise<string> | string, string | undefined]>([
    ['no Bearer scheme', () => tokens.barista, undefined],
    ['Basic credentials', () => `Basic ${Buffer.from('barista:x').toString('base64')}`, undefined],
    ['an empty Bearer', () => 'Bearer ', undefined],
    ['garbage', () => 'Bearer not.a.jwt', 'ERR_JWS_INVALID'],
    [
      'a wrong signature (the claims re-signed with another key under the pool’s kid)',
      async () => `Bearer ${await resign(tokens.barista)}`,
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
    [
      'a customer’s token edited to claim the barista group',
      () => `Bearer ${tampered(tokens.customer, { 'cognito:groups': ['barista'] })}`,
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
    [
      'an unsigned token (alg none)',
      () => {
        const claims = Buffer.from(JSON.stringify(decodeJwt(tokens.barista))).toString('base64url');
        return `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${claims}.`;
      },
      'ERR_JOSE_ALG_NOT_ALLOWED',
    ],
    [
      'the access token instead of the ID token (no aud)',
      async () => {
        const signIn = await bed.idp.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: bed.clientId,
            AuthParameters: { USERNAME: 'barista', PASSWORD: TEST_PASSWORD },
          }),
        );
        return `Bearer ${signIn.AuthenticationResult?.AccessToken}`;
      },
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
  ])('%s', async (_, authorization, cause) => {
    await expectRefusal(await authorization(), cause);
  });

  it('refuses a token for another app client of the pool (wrong audience)', async () => {
    const other = await bed.idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: bed.poolId,
        ClientName: 'not-the-apps',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const token = await bed.idToken('barista', other.UserPoolClient?.ClientId);
    expect(decodeJwt(token).aud).not.toBe(bed.clientId);

    await expectRefusal(`Bearer ${token}`, 'ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses a token of another user pool (wrong issuer, unknown key)', async () => {
    const pool = await bed.idp.send(new CreateUserPoolCommand({ PoolName: 'elsewhere' }));
    const poolId = pool.UserPool?.Id as string;
    const client = await bed.idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'apps',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    await bed.idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'barista' }));
    await createUser(bed.idp, poolId, 'barista', ['barista']);
    const token = await bed.idToken('barista', client.UserPoolClient?.ClientId);

    await expectRefusal(`Bearer ${token}`, 'ERR_JWKS_NO_MATCHING_KEY');
  });

  it('refuses an expired token, saying so', async () => {
    const { exp } = decodeJwt(tokens.barista);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(((exp as number) + 60) * 1000);
      const error = await refused(`Bearer ${tokens.barista}`);
      expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
      expect(error.message).toMatch(/expired/);
      await expectRefusal(`Bearer ${tokens.barista}`, 'ERR_JWT_EXPIRED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('still accepts the real barista token (the refusals above are about the tokens)', async () => {
    const response = await fetch(`${bed.origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.barista}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  });
});

describe('the principal of a valid ID token', () => {
  it.each([
    ['barista', { groups: ['barista'], role: 'barista', email: undefined }],
    ['display', { groups: ['display'], role: 'display', email: undefined }],
    ['customer', { groups: [], role: 'customer', email: expect.stringMatching(/@example\.com$/) }],
  ] as const)('%s', async (who, expected) => {
    const principal = await verify(tokens[who]);
    expect(principal).toEqual({ sub: decodeJwt(tokens[who]).sub, ...expected });
  });

  it('comes from the pool the API’s environment names, at the issuer its tokens carry', () => {
    expect(userPool.issuer()).toBe(bed.cloud.cognito.issuer(bed.poolId));
    expect(userPool.issuer()).toBe(decodeJwt(tokens.barista).iss);
    expect(userPool.jwksUrl()).toBe(bed.cloud.cognito.jwksUrl(bed.poolId));
    expect(userPool.clientId()).toBe(bed.clientId);
  });

  it('is Cognito’s regional issuer where no endpoint is configured (AWS), or the one given', () => {
    const saved = { ...process.env };
    try {
      delete process.env.AWS_ENDPOINT_URL;
      delete process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER;
      process.env.AWS_REGION = 'eu-west-1';
      process.env.USER_POOL_ID = 'eu-west-1_abc';
      expect(userPool.issuer()).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc');
      process.env.USER_POOL_ISSUER = 'https://issuer.example/pool/';
      expect(userPool.issuer()).toBe('https://issuer.example/pool');
    } finally {
      process.env = saved;
    }
  });
});

describe('routes and faults', () => {
  it.each([
    ['GET', '/api'],
    ['GET', '/api/'],
    ['GET', '/api/nothing-here'],
    ['POST', pathFor(Api.getShopConfig, { shopId: 'main' })],
    ['DELETE', pathFor(Api.setShopOpen, { shopId: 'main' })],
    ['GET', '/api/shops/main/config/extra'],
  ])('%s %s → 404 not-found as JSON', async (method, path) => {
    const response = await bed.call(method, path);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await errorOf(response)).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('answers a real fault with 500 internal, a message without details, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const table = process.env.SHOPS_TABLE;
    // In process, the local cloud's functions share this environment: point the API at no table.
    process.env.SHOPS_TABLE = 'no-such-table';
    try {
      const error = await errorOf(await bed.call('GET', pathFor(Api.getShopConfig, { shopId: 'main' })));

      expect(error).toEqual({ status: 500, code: 'internal', message: 'Something went wrong on our side.' });
      expect(log).toHaveBeenCalledOnce();
      const [line, fault] = log.mock.calls[0] ?? [];
      expect(line).toMatch(/^\[api\] 500 internal on GET \/api\/shops\/main\/config/);
      expect((fault as Error).name).toBe('ResourceNotFoundException');
    } finally {
      process.env.SHOPS_TABLE = table;
      log.mockRestore();
    }
  });
});
