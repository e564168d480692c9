import { type ErrorCode, ErrorCodeSchema, isRetryable } from '@coffee/backend/contracts';

/** The request never got an answer (offline, DNS, connection refused): not one of the API's codes. */
export const NETWORK_ERROR = 'network';

/** What an {@link ApiError} carries: an API error code, or {@link NETWORK_ERROR}. */
export type ApiErrorCode = ErrorCode | typeof NETWORK_ERROR;

/**
 * A failed API call: the API's error `code` (DESIGN "HTTP API"), its HTTP `status` (0 when there
 * was no answer), the server's message for a person, and for a retryable code how long to wait.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    message: string,
    /** Seconds to wait before sending the same request again (from `Retry-After`), when retryable. */
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** Whether the same request may succeed if sent again unchanged (a network failure or `not-ready`). */
  get retryable(): boolean {
    return this.code === NETWORK_ERROR || isRetryable(this.code);
  }
}

/** Whether `error` is an {@link ApiError} with one of `codes`. */
export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** The {@link ApiError} of an error answer: its `{ error: { code, message } }` body, or `internal`. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = ErrorCodeSchema.safeParse(error?.code);
  const message =
    typeof error?.message === 'string' ? error.message : `The server answered ${response.status}`;
  return new ApiError(code.success ? code.data : 'internal', response.status, message, retryAfterSeconds);
}
