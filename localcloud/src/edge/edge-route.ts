import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A route of the edge that is not an AWS JSON protocol action: a REST API (IoT data plane
 * Publish), a well-known document (a user pool's JWKS), or a local door (`/_localcloud/outbox`).
 */
export interface EdgeRoute {
  /** Whether this route answers the request. */
  matches(request: IncomingMessage, url: URL): boolean;
  /** Answers the request. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
}

/** Sends a JSON body with a status. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
