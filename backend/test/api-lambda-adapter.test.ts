import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type HttpApiEvent, toLambdaHandler } from '../src/api/lambda-adapter.js';

/** An event as API Gateway's HTTP API (and the local cloud's web port) builds it, payload 2.0. */
function event(overrides: Partial<HttpApiEvent> & { method?: string } = {}): HttpApiEvent {
  const { method = 'GET', ...rest } = overrides;
  return {
    version: '2.0',
    rawPath: '/api/echo',
    rawQueryString: '',
    headers: { host: 'coffee.example', 'content-type': 'application/json' },
    requestContext: { domainName: 'coffee.example', requestId: 'r-1', http: { method, path: '/api/echo' } },
    isBase64Encoded: false,
    ...rest,
  };
}

const app = new Hono();
app.all('/api/echo', async (c) =>
  c.json({
    method: c.req.method,
    url: c.req.url,
    query: c.req.queries(),
    authorization: c.req.header('authorization') ?? null,
    cookie: c.req.header('cookie') ?? null,
    body: await c.req.text(),
  }),
);
app.get('/api/made', (c) => {
  c.header('x-made', 'yes');
  c.header('set-cookie', 'a=1');
  c.header('set-cookie', 'b=2', { append: true });
  return c.json({ made: true }, 201);
});
app.get('/api/png', (c) =>
  c.body(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 200, { 'content-type': 'image/png' }),
);
const handler = toLambdaHandler(app);

describe('the Lambda adapter (API Gateway HTTP API, payload 2.0)', () => {
  it('turns the event into the request: method, URL with query, headers, cookies, body', async () => {
    const result = await handler(
      event({
        method: 'POST',
        rawQueryString: 'state=SUBMITTED&milk=oat&milk=soy',
        headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
        cookies: ['theme=dark', 'lang=en'],
        body: '{"open":true}',
      }),
    );

    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    expect(JSON.parse(result.body)).toEqual({
      method: 'POST',
      url: 'https://coffee.example/api/echo?state=SUBMITTED&milk=oat&milk=soy',
      query: { state: ['SUBMITTED'], milk: ['oat', 'soy'] },
      authorization: 'Bearer abc',
      cookie: 'theme=dark; lang=en',
      body: '{"open":true}',
    });
  });

  it('decodes a base64 body', async () => {
    const result = await handler(
      event({
        method: 'PUT',
        body: Buffer.from('{"café":"crème"}').toString('base64'),
        isBase64Encoded: true,
      }),
    );
    expect(JSON.parse(result.body).body).toBe('{"café":"crème"}');
  });

  it('ignores a body on a GET, which a web request cannot carry', async () => {
    const result = await handler(event({ body: '{"x":1}' }));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).body).toBe('');
  });

  it('answers the status, the headers and the cookies as separate fields', async () => {
    const result = await handler(event({ rawPath: '/api/made' }));

    expect(result).toMatchObject({
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-made': 'yes' },
      cookies: ['a=1', 'b=2'],
      isBase64Encoded: false,
    });
    expect(result.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(result.body)).toEqual({ made: true });
  });

  it('answers a binary body base64-encoded', async () => {
    const result = await handler(event({ rawPath: '/api/png' }));
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: true, body: 'iVBORw==' });
  });

  it('answers an event that cannot become a request with the API’s JSON error', async () => {
    const result = await handler(
      event({ requestContext: { domainName: 'not a host', http: { method: 'GET' } } }),
    );

    expect(result).toEqual({
      statusCode: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { code: 'invalid-request', message: 'The request could not be read.' } }),
      isBase64Encoded: false,
    });
  });
});
