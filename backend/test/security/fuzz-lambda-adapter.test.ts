import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type HttpApiEvent, toLambdaHandler } from '../../src/api/lambda-adapter.js';
import { anyText } from './support/arbitraries.js';
import { check, InputCounter } from './support/fuzz-settings.js';

/**
 * The Lambda adapter under bad events (issue 8, "bad input"): whatever the domain name (locally,
 * the Host header) and the raw path, the app sees exactly the path API Gateway routed — a `/`,
 * `?` or `#` smuggled into the host must not rewrite it — or the adapter answers the API's 400
 * `invalid-request`.
 */

const inputs = new InputCounter();

/** An app that answers the path it was given, as sent (still percent-encoded). */
const echo = toLambdaHandler(new Hono().all('*', (c) => c.json({ path: new URL(c.req.url).pathname })));

const event = (domainName: string, rawPath: string, rawQueryString = ''): HttpApiEvent => ({
  version: '2.0',
  rawPath,
  rawQueryString,
  headers: {},
  requestContext: { domainName, http: { method: 'GET' } },
});

describe('the Lambda adapter under bad events (property-based)', () => {
  it.each([
    ['x/api/shops/main/config?', '/api/orders/abc/cancel'],
    ['x/api/shops/main/config#', '/api/orders/abc/cancel'],
    ['evil.example#', '/api/orders/abc/cancel'],
    ['evil.example?state=READY', '/api/shops/main/orders'],
    ['', '/api/orders/abc/cancel'],
  ])('never lets the host %j rewrite the path %s', async (domainName, rawPath) => {
    // Act
    const result = await echo(event(domainName, rawPath));

    // Assert: refused as unreadable, never routed elsewhere
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toEqual({
      error: { code: 'invalid-request', message: 'The request could not be read.' },
    });
  });

  it('routes exactly the raw path, whatever the domain name, or answers 400 invalid-request', async () => {
    const path = fc
      .array(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
          fc.constantFrom('%zz', '%2F', '%3F', '%23', 'a%20b', '%E2%98%95'),
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((parts) => `/${parts.join('/')}`);
    const domain = fc.oneof(
      fc.constantFrom('localhost', 'coffee.example', '192.168.1.20:3000', '[::1]:3000'),
      anyText(30),
      fc
        .tuple(
          fc.constantFrom('x', 'coffee.example'),
          fc.constantFrom('/', '?', '#', '@', '\\', ' '),
          anyText(20),
        )
        .map((parts) => parts.join('')),
    );
    await check(
      [domain, path, fc.constantFrom('', 'state=READY', 'a=%zz')],
      async (domainName, rawPath, query) => {
        inputs.count('lambda adapter');

        const result = await echo(event(domainName, rawPath, query));

        if (result.statusCode === 200) expect(JSON.parse(result.body).path).toBe(rawPath);
        else
          expect({ status: result.statusCode, body: JSON.parse(result.body) }).toEqual({
            status: 400,
            body: { error: { code: 'invalid-request', message: 'The request could not be read.' } },
          });
      },
    );
    console.info(inputs.summary('fuzz-lambda-adapter'));
  });
});
