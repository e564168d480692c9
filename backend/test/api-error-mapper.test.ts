import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { toErrorResponse } from '../src/api/error-mapper.js';
import { ERROR_STATUS, ErrorCode } from '../src/contracts/api.js';
import { errorFor, InternalError, InvalidTransitionError } from '../src/errors.js';

const CONTEXT = { method: 'PUT', path: '/api/shops/main/open', requestId: 'r-1' };

function mapped(error: unknown) {
  const log = vi.fn();
  return { ...toErrorResponse(error, CONTEXT, log), log };
}

describe('the error mapper', () => {
  const codes = Object.values(ErrorCode).filter(
    (code) => code !== ErrorCode.InvalidTransition && code !== ErrorCode.Internal,
  );

  it.each(codes)('answers a CoffeeError %s with its status and message', (code) => {
    const { status, body, log } = mapped(errorFor(code, `Because ${code}.`));

    expect(status).toBe(ERROR_STATUS[code]);
    expect(body).toEqual({ error: { code, message: `Because ${code}.` } });
    expect(log).not.toHaveBeenCalled();
  });

  it('answers invalid-transition with 409', () => {
    const { status, body } = mapped(new InvalidTransitionError('READY', 'make'));
    expect(status).toBe(409);
    expect(body.error).toEqual({
      code: 'invalid-transition',
      message: 'An order that is READY cannot take "make".',
    });
  });

  it('adds Retry-After to a retryable error, WWW-Authenticate to a 401, nothing to the others', () => {
    expect(mapped(errorFor(ErrorCode.NotReady)).headers).toEqual({ 'retry-after': '1' });
    expect(mapped(errorFor(ErrorCode.Unauthenticated)).headers).toEqual({ 'www-authenticate': 'Bearer' });
    expect(mapped(errorFor(ErrorCode.QueueFull)).headers).toEqual({});
  });

  it.each([
    [401, 401, 'unauthenticated'],
    [403, 403, 'forbidden'],
    [404, 404, 'not-found'],
    [413, 400, 'invalid-request'],
    [500, 500, 'internal'],
  ] as const)('answers Hono’s HTTPException %i as %i %s', (thrown, status, code) => {
    expect(mapped(new HTTPException(thrown))).toMatchObject({ status, body: { error: { code } } });
  });

  it.each<[string, unknown]>([
    ['an Error', new Error('connect ECONNREFUSED 10.0.0.1:443')],
    ['a ZodError (the backend broke its own contract)', z.object({ a: z.string() }).safeParse({}).error],
    ['a thrown string', 'boom'],
    ['undefined', undefined],
    [
      'an InternalError naming what broke',
      new InternalError('The stored item of the shop "main" is malformed.'),
    ],
  ])('answers %s as a logged 500 internal, without its details', (_, error) => {
    const { status, body, headers, log } = mapped(error);

    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    expect(headers).toEqual({});
    expect(log).toHaveBeenCalledExactlyOnceWith(
      '[api] 500 internal on PUT /api/shops/main/open (r-1)',
      error,
    );
  });
});
