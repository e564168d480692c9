import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloud } from '../src/local-cloud.js';

let cloud: LocalCloud;
let api: string;
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-http-api-'));

beforeAll(async () => {
  cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
    app: {
      declaration: {
        functions: { api: { entry: 'api.mjs', handler: 'handler' } },
        httpApi: { function: 'api' },
      },
      baseDir: join(import.meta.dirname, 'http-api-fixture'),
    },
    web: { port: 0, landingPage: () => '', runtimeConfig: () => ({}) },
  });
  const address = cloud.web?.server.address() as { port: number };
  api = `http://127.0.0.1:${address.port}/api`;
});
afterAll(async () => {
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the HTTP API on the web port (API Gateway HTTP API, payload 2.0)', () => {
  it('hands the function the event API Gateway would build', async () => {
    const response = await fetch(`${api}/echo?size=large&milk=oat&milk=soy`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer abc',
        cookie: 'theme=dark; lang=en',
      },
      body: '{"drinkId":"latte"}',
    });
    const event = (await response.json()) as { headers: Record<string, string | undefined> };
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/echo',
      rawQueryString: 'size=large&milk=oat&milk=soy',
      queryStringParameters: { size: 'large', milk: 'oat,soy' },
      cookies: ['theme=dark', 'lang=en'],
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      requestContext: { http: { method: 'POST', path: '/api/echo' }, stage: '$default' },
      body: '{"drinkId":"latte"}',
      isBase64Encoded: false,
    });
    expect(event.headers.cookie).toBeUndefined();
  });

  it('answers a result without statusCode as 200 JSON, as API Gateway infers it', async () => {
    const response = await fetch(`${api}/inferred`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ hello: 'world' });
  });

  it('passes the status, headers and cookies the function returns', async () => {
    const response = await fetch(`${api}/created`, { method: 'PUT' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-made')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('answers a function error with 500 and API Gateway’s message', async () => {
    const response = await fetch(`${api}/nowhere`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });
});
