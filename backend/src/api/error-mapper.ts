import { HTTPException } from 'hono/http-exception';
import { type ErrorBody, ErrorCode, RETRY_AFTER_SECONDS } from '../contracts/api.js';
import {
  type CoffeeError,
  errorFor,
  ForbiddenError,
  InternalError,
  InvalidRequestError,
  isCoffeeError,
  NotFoundError,
  UnauthenticatedError,
} from '../errors.js';

/** An error as the HTTP API answers it. */
export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

/** Where a fault is reported: the request it broke, for the log line. */
export interface ErrorContext {
  method: string;
  path: string;
  requestId?: string | undefined;
}

/** Writes a fault to the log; `console.error` (CloudWatch on AWS, the terminal locally) by default. */
export type FaultLog = (message: string, error: unknown) => void;

/**
 * The one place where errors become HTTP answers (STYLE "Errors"): `{ error: { code, message } }`
 * with the code's status (DESIGN "HTTP API").
 *
 * - A `CoffeeError` answers its own code and message (a 5xx one a generic message: its own is
 *   logged); a retryable one adds `Retry-After`, an `unauthenticated` one `WWW-Authenticate: Bearer`.
 * - Hono's own `HTTPException` (its 4xx refusals) answers the matching code.
 * - Anything else is a fault of the backend — including a `ZodError`, since request input is
 *   always parsed into an `invalid-request` where it is read, so a bare `ZodError` means the
 *   backend produced data that breaks its own contract — and answers 500 `internal` with a
 *   generic message, never the fault's details.
 *
 * Every 5xx is logged with its cause; 4xx answers are the caller's business and are not.
 */
export function toErrorResponse(
  error: unknown,
  context: ErrorContext,
  log: FaultLog = defaultLog,
): ErrorResponse {
  const known = asCoffeeError(error);
  if (known.status >= 500) {
    const where = `${context.method} ${context.path}${context.requestId ? ` (${context.requestId})` : ''}`;
    log(`[api] ${known.status} ${known.code} on ${where}`, error);
  }
  const headers: Record<string, string> = {};
  if (known.retryable) headers['retry-after'] = String(RETRY_AFTER_SECONDS);
  // RFC 9110: a 401 names the scheme the caller should authenticate with.
  if (known.code === ErrorCode.Unauthenticated) headers['www-authenticate'] = 'Bearer';
  // A fault's own message is for the log: it names the backend's insides.
  const body = known.status >= 500 ? new InternalError().toBody() : known.toBody();
  return { status: known.status, headers, body };
}

function asCoffeeError(error: unknown): CoffeeError {
  if (isCoffeeError(error)) return error;
  if (error instanceof HTTPException) return fromHttpException(error);
  return new InternalError(undefined, { cause: error });
}

function fromHttpException(error: HTTPException): CoffeeError {
  const options = { cause: error };
  switch (error.status) {
    case 401:
      return new UnauthenticatedError(undefined, options);
    case 403:
      return new ForbiddenError(undefined, options);
    case 404:
      return new NotFoundError(undefined, options);
    default:
      return error.status < 500
        ? new InvalidRequestError(error.message || undefined, options)
        : errorFor(ErrorCode.Internal, undefined, options);
  }
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}
