import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCors } from '../../src/edge/cors.js';
import { sendJson } from '../../src/edge/edge-route.js';
import { errorOf, passwordSignIn, REGION, STAFF_PASSWORD, useShopTestBed } from './support.js';

const { bed, staff } = useShopTestBed({ staffUsers: { barista: ['barista'] } });
let web: Server;
/** The public handler's URL on a stand-in web port, mounted at `/cognito`. */
let endpoint: string;
beforeAll(async () => {
  const handler = bed.cognito.publicHandler();
  web = createServer((request, response) => {
    void handler(request, response, new URL(request.url ?? '/', 'http://web'));
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(web.address() as AddressInfo).port}/cognito`;
});
afterAll(async () => {
  await new Promise((resolve) => web.close(resolve));
});

describe('CORS', () => {
  it('answers the preflight of an Amplify call to the user pools API', async () => {
    // Act
    const response = await fetch(bed.edge.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'cache-control,content-type,x-amz-target,x-amz-user-agent',
      },
    });

    // Assert
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'cache-control,content-type,x-amz-target,x-amz-user-agent',
    );
  });

  it('lets a page read the JWKS', async () => {
    // Act
    const response = await fetch(`${bed.edge.url}/${staff.poolId}/.well-known/jwks.json`, {
      headers: { origin: 'http://localhost:5173' },
    });

    // Assert
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const jwks = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toEqual([
      { kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: expect.any(String), alg: 'RS256', use: 'sig' },
    ]);
  });

  it('adds the allow-origin header to any response of a handler that calls it first', async () => {
    // Arrange
    const server = createServer((request, response) => {
      if (handleCors(request, response)) return;
      sendJson(response, 200, { ok: true });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    // Act
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST' });
    await new Promise((resolve) => server.close(resolve));

    // Assert
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toBe('application/json');
  });
});

describe('outbox route', () => {
  it('lists what was sent as JSON', async () => {
    // Arrange
    await bed.outbox.send({
      to: 'someone@example.com',
      subject: 'Hello',
      body: 'Your code is 123456',
      code: '123456',
    });

    // Act
    const response = await fetch(`${bed.edge.url}/_localcloud/outbox`);

    // Assert
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      {
        to: 'someone@example.com',
        subject: 'Hello',
        body: 'Your code is 123456',
        code: '123456',
        time: expect.any(String),
      },
    ]);
  });
});

describe('the public handler', () => {
  it('answers an unsigned call as Amplify sends it, readable cross-origin', async () => {
    // Act
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        'cache-control': 'no-store',
        origin: 'http://192.168.1.20:3000',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: staff.clientId,
        AuthParameters: { USERNAME: 'barista', PASSWORD: STAFF_PASSWORD },
      }),
    });

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as { AuthenticationResult?: { IdToken?: string } };
    expect(body.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('serves the SDK pointed at it', async () => {
    // Arrange
    const client = new CognitoIdentityProviderClient({
      endpoint,
      region: REGION,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });

    // Act
    const signedIn = await passwordSignIn(client, staff.clientId);
    const refused = await errorOf(
      client.send(new AdminCreateUserCommand({ UserPoolId: staff.poolId, Username: 'intruder' })),
    );
    client.destroy();

    // Assert
    expect(signedIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(refused.name).toBe('UnknownOperationException');
  });

  it('answers the preflight', async () => {
    // Act
    const response = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: { origin: 'http://192.168.1.20:3000', 'access-control-request-method': 'POST' },
    });

    // Assert
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
