import { z } from 'zod';
import { ERROR_STATUS, type ErrorBody, ErrorCode, isRetryable } from './contracts/api.js';
import type { OrderState } from './contracts/orders.js';

/**
 * The base of every error the backend raises on purpose. It carries the API's error `code` and the
 * HTTP `status` that code answers with, so the HTTP mapper turns any of them into
 * `{ error: { code, message } }` without knowing the subclass. `message` is for a person.
 */
export class CoffeeError extends Error {
  /** The API's error code. */
  readonly code: ErrorCode;
  /** The HTTP status of {@link code}. */
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CoffeeError';
    this.code = code;
    this.status = ERROR_STATUS[code];
  }

  /** Whether the same request may succeed if sent again after a moment. */
  get retryable(): boolean {
    return isRetryable(this.code);
  }

  /** The error's answer body. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** No valid bearer token (401). */
export class UnauthenticatedError extends CoffeeError {
  constructor(message = 'Sign in to do this.', options?: ErrorOptions) {
    super(ErrorCode.Unauthenticated, message, options);
    this.name = 'UnauthenticatedError';
  }
}

/** The caller's role may not do this (403). */
export class ForbiddenError extends CoffeeError {
  constructor(message = 'You are not allowed to do this.', options?: ErrorOptions) {
    super(ErrorCode.Forbidden, message, options);
    this.name = 'ForbiddenError';
  }
}

/** Missing, or someone else's: the answer never hints which (404). */
export class NotFoundError extends CoffeeError {
  constructor(message = 'Not found.', options?: ErrorOptions) {
    super(ErrorCode.NotFound, message, options);
    this.name = 'NotFoundError';
  }
}

/** A malformed request (400). */
export class InvalidRequestError extends CoffeeError {
  constructor(message = 'The request is not valid.', options?: ErrorOptions) {
    super(ErrorCode.InvalidRequest, message, options);
    this.name = 'InvalidRequestError';
  }

  /** The error for input a schema refused: the issues, readable, as the message; the `ZodError` as cause. */
  static fromZod(error: z.ZodError, what = 'The request'): InvalidRequestError {
    return new InvalidRequestError(`${what} is not valid: ${z.prettifyError(error)}`, { cause: error });
  }
}

/** The order's state does not allow the action (409). */
export class InvalidTransitionError extends CoffeeError {
  constructor(
    /** The order's state when the action was refused. */
    readonly state: OrderState,
    /** The refused action. */
    readonly action: string,
    message = `An order that is ${state} cannot take "${action}".`,
    options?: ErrorOptions,
  ) {
    super(ErrorCode.InvalidTransition, message, options);
    this.name = 'InvalidTransitionError';
  }
}

/** The QR token is not one the shop issued (400). */
export class TokenInvalidError extends CoffeeError {
  constructor(message = 'This QR code is not valid. Scan the code on the display.', options?: ErrorOptions) {
    super(ErrorCode.TokenInvalid, message, options);
    this.name = 'TokenInvalidError';
  }
}

/** The QR token's period and grace are over (400). */
export class TokenExpiredError extends CoffeeError {
  constructor(
    message = 'This QR code has expired. Scan the code on the display again.',
    options?: ErrorOptions,
  ) {
    super(ErrorCode.TokenExpired, message, options);
    this.name = 'TokenExpiredError';
  }
}

/** The QR code has admitted all its drinks (409). */
export class TokenUsedUpError extends CoffeeError {
  constructor(message = 'This QR code has no drinks left. Wait for the next code.', options?: ErrorOptions) {
    super(ErrorCode.TokenUsedUp, message, options);
    this.name = 'TokenUsedUpError';
  }
}

/** The customer has had their drinks for today (429). */
export class LimitReachedError extends CoffeeError {
  constructor(message = 'You have reached the daily limit of drinks.', options?: ErrorOptions) {
    super(ErrorCode.LimitReached, message, options);
    this.name = 'LimitReachedError';
  }
}

/** The customer already has an open order (409). */
export class OrderOpenError extends CoffeeError {
  constructor(message = 'You already have an open order.', options?: ErrorOptions) {
    super(ErrorCode.OrderOpen, message, options);
    this.name = 'OrderOpenError';
  }
}

/** The shop is closed (409). */
export class ShopClosedError extends CoffeeError {
  constructor(message = 'The shop is closed.', options?: ErrorOptions) {
    super(ErrorCode.ShopClosed, message, options);
    this.name = 'ShopClosedError';
  }
}

/** The barista queue is full (409). */
export class QueueFullError extends CoffeeError {
  constructor(
    message = 'The baristas have a full queue. Try again in a few minutes.',
    options?: ErrorOptions,
  ) {
    super(ErrorCode.QueueFull, message, options);
    this.name = 'QueueFullError';
  }
}

/** No such drink on the menu (400). */
export class DrinkUnknownError extends CoffeeError {
  constructor(message = 'That drink is not on the menu.', options?: ErrorOptions) {
    super(ErrorCode.DrinkUnknown, message, options);
    this.name = 'DrinkUnknownError';
  }
}

/** The drink is on the menu but unavailable now (409). */
export class DrinkUnavailableError extends CoffeeError {
  constructor(message = 'That drink is not available right now.', options?: ErrorOptions) {
    super(ErrorCode.DrinkUnavailable, message, options);
    this.name = 'DrinkUnavailableError';
  }
}

/** A modifier or option the drink does not have (400). */
export class OptionInvalidError extends CoffeeError {
  constructor(message = 'That option is not available for this drink.', options?: ErrorOptions) {
    super(ErrorCode.OptionInvalid, message, options);
    this.name = 'OptionInvalidError';
  }
}

/** The workflow has not caught up with the order yet; retry shortly (409, retryable). */
export class NotReadyError extends CoffeeError {
  constructor(message = 'Your order is still being set up. Try again in a moment.', options?: ErrorOptions) {
    super(ErrorCode.NotReady, message, options);
    this.name = 'NotReadyError';
  }
}

/** A fault of the backend (500); `cause` holds what went wrong. */
export class InternalError extends CoffeeError {
  constructor(message = 'Something went wrong on our side.', options?: ErrorOptions) {
    super(ErrorCode.Internal, message, options);
    this.name = 'InternalError';
  }
}

/** The codes that need no more than a message, each with its subclass. */
const BY_CODE = {
  unauthenticated: UnauthenticatedError,
  forbidden: ForbiddenError,
  'not-found': NotFoundError,
  'invalid-request': InvalidRequestError,
  'token-invalid': TokenInvalidError,
  'token-expired': TokenExpiredError,
  'token-used-up': TokenUsedUpError,
  'limit-reached': LimitReachedError,
  'order-open': OrderOpenError,
  'shop-closed': ShopClosedError,
  'queue-full': QueueFullError,
  'drink-unknown': DrinkUnknownError,
  'drink-unavailable': DrinkUnavailableError,
  'option-invalid': OptionInvalidError,
  'not-ready': NotReadyError,
  internal: InternalError,
} as const satisfies Record<Exclude<ErrorCode, 'invalid-transition'>, new (message?: string) => CoffeeError>;

/**
 * The error of a code a pure rule returned (e.g. `checkToken`'s `token-expired`), with the
 * subclass's default message unless one is given.
 */
export function errorFor(code: keyof typeof BY_CODE, message?: string, options?: ErrorOptions): CoffeeError {
  return new BY_CODE[code](message, options);
}

/** Whether `error` is a {@link CoffeeError}. */
export function isCoffeeError(error: unknown): error is CoffeeError {
  return error instanceof CoffeeError;
}
