import {
  Api,
  IDEMPOTENCY_KEY_HEADER,
  pathFor,
  type RouteBody,
  type RouteDefinition,
  type RouteName,
  type RouteParams,
  type RouteResponse,
} from '@coffee/backend/contracts';
import { ApiError, apiErrorOf, NETWORK_ERROR } from './api-error';

/** What one call takes: the route's path parameters, its body and query when it has them, extra headers. */
export type CallInput<R extends RouteDefinition> = {
  params: RouteParams<R>;
  headers?: Record<string, string>;
  /** An `Idempotency-Key` (see `POST /api/shops/{shopId}/orders`). */
  idempotencyKey?: string;
  signal?: AbortSignal;
} & (undefined extends RouteBody<R> ? { body?: RouteBody<R> } : { body: RouteBody<R> }) &
  (R extends { query: { _zod: { input: infer Q } } } ? { query: Q } : { query?: undefined });

/** A typed client of the HTTP API: one method, by route name of the backend's {@link Api} table. */
export interface ApiClient {
  /**
   * Calls route `name` and answers its parsed response. Throws an `ApiError` carrying the API's
   * error code, or `network` when no answer came.
   */
  call<N extends RouteName>(
    name: N,
    input: CallInput<(typeof Api)[N]>,
  ): Promise<RouteResponse<(typeof Api)[N]>>;
}

/** How the client reaches the API and who it calls as. */
export interface ApiClientOptions {
  /** The runtime config's `apiUrl`, e.g. `http://127.0.0.1:3000/api`. */
  apiUrl: string;
  /** The caller's ID token, or `undefined` when anonymous; asked before every call (it may have been refreshed). */
  getToken: () => Promise<string | undefined>;
  fetch?: typeof fetch;
}

/**
 * Where a route path goes: the route table's paths start with `/api`, and `apiUrl` ends with it, so
 * the path replaces `apiUrl`'s own `/api` (`https://x/prod/api` + `/api/orders/1` → `https://x/prod/api/orders/1`).
 */
export function urlFor(apiUrl: string, path: string): string {
  const base = apiUrl.replace(/\/+$/, '').replace(/\/api$/, '');
  return `${base}${path}`;
}

/** The error of a request that could not reach the server (offline): retryable. */
function unreachable(cause: unknown): ApiError {
  return new ApiError(NETWORK_ERROR, 0, 'Could not reach the server', undefined, { cause });
}

/** A client of the API described by the backend's `Api` route table; see {@link ApiClient}. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetcher = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return {
    async call(name, input) {
      const route: RouteDefinition = Api[name];
      let url = urlFor(options.apiUrl, pathFor(route, input.params as never));
      if (input.query) url += `?${new URLSearchParams(input.query as Record<string, string>)}`;
      const headers: Record<string, string> = { accept: 'application/json', ...input.headers };
      let token: string | undefined;
      try {
        token = await options.getToken();
      } catch (cause) {
        // The session could not be refreshed (offline): the request cannot go as the caller.
        throw unreachable(cause);
      }
      if (token) headers.authorization = `Bearer ${token}`;
      if (input.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = input.idempotencyKey;
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetcher(url, {
          method: route.method,
          headers,
          ...(input.body !== undefined && { body: JSON.stringify(input.body) }),
          ...(input.signal && { signal: input.signal }),
        });
      } catch (cause) {
        if (input.signal?.aborted) throw cause;
        throw unreachable(cause);
      }
      if (!response.ok) throw await apiErrorOf(response);
      const parsed = route.response.safeParse(await response.json());
      if (!parsed.success) {
        throw new ApiError('internal', response.status, `Unexpected answer from ${route.path}`, undefined, {
          cause: parsed.error,
        });
      }
      return parsed.data as never;
    },
  };
}
