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
  /**
   * Answers an AWS JSON protocol call made in the process (see `EdgeServer.answer`), for a route
   * that serves one; undefined when `target` is not this route's.
   */
  answerCall?(target: string, body: string, region: string): Promise<EdgeAnswer> | undefined;
}

/** An answer as it goes on the wire: status, headers and body text. */
export interface EdgeAnswer {
  status: number;
  headers: Record<string, string | number>;
  body: string;
}

/** Writes an answer to the caller. */
export function writeAnswer(response: ServerResponse, answer: EdgeAnswer): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
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
