import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsServiceError } from '../aws-service-error.js';
import { type EdgeAnswer, writeAnswer } from './edge-route.js';

export { AwsServiceError };

/** What an action learns about its caller. */
export interface RequestMeta {
  /** The region the caller signed for (from its `Authorization` header), or the edge's default. */
  region: string;
}

/** One action of an AWS JSON protocol service: its parsed request in, its response out. */
export type AwsJsonAction = (input: Record<string, unknown>, meta: RequestMeta) => Promise<unknown>;

/** A service spoken over the AWS JSON protocol (1.0 or 1.1), routed by `X-Amz-Target`. */
export interface AwsJsonService {
  /** The target prefix, e.g. `AWSStepFunctions` or `AWSEvents`. */
  targetPrefix: string;
  /** `application/x-amz-json-1.0` or `application/x-amz-json-1.1`. */
  contentType: string;
  actions: Record<string, AwsJsonAction>;
  /** Maps a service's own error classes to the wire error; others become `InternalFailure`. */
  toServiceError?: (error: unknown) => AwsServiceError | undefined;
}

/** The largest request body the edge reads, above the services' own payload limits. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

/**
 * Reads a request body up to the edge's limit, or undefined when it is larger. An oversized body is
 * still read to its end, its bytes dropped: answering (or destroying the request) while the client
 * is still sending resets the connection, so the client would get ECONNRESET instead of the
 * caller's 413.
 */
export async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}

/** The region in a SigV4 `Authorization` header's credential scope. */
export function signedRegion(request: IncomingMessage, fallback: string): string {
  const match = /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(request.headers.authorization ?? '');
  return match?.[1] ?? fallback;
}

/** Answers one request to an AWS JSON protocol service over HTTP. */
export async function serveAwsJson(
  service: AwsJsonService,
  action: string,
  request: IncomingMessage,
  response: ServerResponse,
  defaultRegion: string,
): Promise<void> {
  // Read even for an unknown action: answering before the body has arrived resets the connection.
  const body = await readBody(request);
  writeAnswer(
    response,
    await answerAwsJson(service, action, body?.toString('utf8'), signedRegion(request, defaultRegion)),
  );
}

/**
 * A service's answer to one AWS JSON protocol call: `text` is the request body (undefined when it
 * was too large to read), `region` the caller's.
 */
export async function answerAwsJson(
  service: AwsJsonService,
  action: string,
  text: string | undefined,
  region: string,
): Promise<EdgeAnswer> {
  const answer = (status: number, payload: unknown): EdgeAnswer => {
    const body = JSON.stringify(payload);
    return {
      status,
      headers: {
        'content-type': service.contentType,
        'content-length': Buffer.byteLength(body),
        'x-amzn-requestid': crypto.randomUUID(),
      },
      body,
    };
  };
  const fail = (error: AwsServiceError) =>
    answer(error.status, { __type: error.code, message: error.message, Message: error.message });

  const handler = Object.hasOwn(service.actions, action) ? service.actions[action] : undefined;
  if (!handler) return fail(new AwsServiceError('UnknownOperationException', `Unknown operation ${action}`));
  if (text === undefined)
    return fail(new AwsServiceError('SerializationException', 'Request body too large', 413));
  let input: unknown;
  try {
    input = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    return fail(new AwsServiceError('SerializationException', 'Request body is not valid JSON'));
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(new AwsServiceError('SerializationException', 'Request body must be a JSON object'));
  }
  try {
    return answer(200, (await handler(input as Record<string, unknown>, { region })) ?? {});
  } catch (error) {
    const known = error instanceof AwsServiceError ? error : service.toServiceError?.(error);
    if (known) return fail(known);
    console.error(`[edge] ${service.targetPrefix}.${action} failed:`, error);
    return fail(
      new AwsServiceError(
        'InternalFailure',
        'The request processing has failed because of an unknown error',
        500,
      ),
    );
  }
}
