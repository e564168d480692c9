import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { AwsServiceError } from '../aws-service-error.js';

/**
 * How deep an expression's parentheses may nest. dynalite's expression parser takes time
 * exponential in the nesting (16 levels about a second, 25 minutes), stalling every table's
 * requests; real expressions stay far below this.
 */
export const MAX_EXPRESSION_NESTING = 12;

/**
 * Checks a DynamoDB request before dynalite sees it, for the inputs dynalite handles badly: a body
 * that is JSON but not an object (dynalite throws outside any handler, which would end its thread
 * and every request it holds) and expressions nested deep enough to stall it. Answers the body, or
 * throws the `AwsServiceError` DynamoDB would answer.
 */
export function checkDynamoDbRequest(body: Buffer): void {
  if (body.length === 0) return;
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return; // dynalite answers SerializationException itself.
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new AwsServiceError('SerializationException', 'The request body must be a JSON object');
  checkExpressionNesting(input as Record<string, unknown>);
}

/**
 * Throws the `ValidationException` for a request (or one action of a transaction) whose
 * expressions nest deeper than {@link MAX_EXPRESSION_NESTING}.
 */
export function checkExpressionNesting(request: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(request)) {
    if (name.endsWith('Expression') && typeof value === 'string' && nesting(value) > MAX_EXPRESSION_NESTING)
      throw new AwsServiceError(
        'ValidationException',
        `Invalid ${name}: parentheses nested deeper than ${MAX_EXPRESSION_NESTING} levels`,
      );
  }
}

function nesting(expression: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of expression) {
    if (char === '(') deepest = Math.max(deepest, ++depth);
    else if (char === ')') depth--;
  }
  return deepest;
}

/** A request carrying an already-read body, as dynalite's handler reads one. */
export function replayedRequest(
  head: { headers: IncomingHttpHeaders; method: string; url: string },
  body: Buffer,
): IncomingMessage {
  const replay = Readable.from(body.length > 0 ? [body] : []) as unknown as IncomingMessage;
  Object.assign(replay, { headers: head.headers, method: head.method, url: head.url });
  return replay;
}
