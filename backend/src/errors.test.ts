import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_STATUS, ErrorCode } from './contracts/api.js';
import {
  CoffeeError,
  errorFor,
  InvalidRequestError,
  InvalidTransitionError,
  isCoffeeError,
  NotReadyError,
  QueueFullError,
} from './errors.js';

const CODES = Object.values(ErrorCode).filter((code) => code !== ErrorCode.InvalidTransition);

describe('errorFor', () => {
  it.each(CODES)('%s: a named CoffeeError with its status and a message for a person', (code) => {
    const error = errorFor(code);

    expect(error).toBeInstanceOf(CoffeeError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.status).toBe(ERROR_STATUS[code]);
    expect(error.name).toMatch(/^[A-Z]\w+Error$/);
    expect(error.name).not.toBe('CoffeeError');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.toBody()).toEqual({ error: { code, message: error.message } });
  });

  it('gives every code its own class', () => {
    expect(new Set(CODES.map((code) => errorFor(code).name)).size).toBe(CODES.length);
  });

  it('keeps the message and cause given', () => {
    const cause = new Error('dynamo said no');
    const error = errorFor('internal', 'Could not save the order.', { cause });
    expect(error.message).toBe('Could not save the order.');
    expect(error.cause).toBe(cause);
  });
});

describe('CoffeeError', () => {
  it.each([
    [new NotReadyError(), true],
    [new QueueFullError(), false],
  ])('%o retryable: %s', (error, retryable) => {
    expect(error.retryable).toBe(retryable);
  });

  it('an invalid transition names the state and action, 409', () => {
    const error = new InvalidTransitionError('READY', 'make');
    expect([error.name, error.code, error.status, error.state, error.action]).toEqual([
      'InvalidTransitionError',
      'invalid-transition',
      409,
      'READY',
      'make',
    ]);
    expect(error.message).toBe('An order that is READY cannot take "make".');
  });

  it('an invalid request from a ZodError keeps it as cause and says what is wrong', () => {
    const parsed = z.object({ open: z.boolean() }).safeParse({ open: 'yes' });
    if (parsed.success) throw new Error('expected a failure');
    const error = InvalidRequestError.fromZod(parsed.error);
    expect(error.cause).toBe(parsed.error);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^The request is not valid: .*open/s);
  });

  it('isCoffeeError tells ours from others', () => {
    expect(isCoffeeError(new QueueFullError())).toBe(true);
    expect(isCoffeeError(new Error('x'))).toBe(false);
    expect(isCoffeeError('x')).toBe(false);
  });
});
