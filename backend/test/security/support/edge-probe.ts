import { expect } from 'vitest';
import { ClientRefusedError, HANG_MS } from './fuzz-settings.js';

/** What the edge answered, read in full. */
export interface EdgeAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** An AWS JSON protocol of the edge: its target prefix and content type. */
export interface JsonProtocol {
  prefix: string;
  contentType: string;
}

/** The JSON protocols DESIGN lists for the edge. */
export const PROTOCOLS = {
  stepFunctions: { prefix: 'AWSStepFunctions', contentType: 'application/x-amz-json-1.0' },
  eventBridge: { prefix: 'AWSEvents', contentType: 'application/x-amz-json-1.1' },
  cognito: { prefix: 'AWSCognitoIdentityProviderService', contentType: 'application/x-amz-json-1.1' },
  dynamoDb: { prefix: 'DynamoDB_20120810', contentType: 'application/x-amz-json-1.0' },
} as const satisfies Record<string, JsonProtocol>;

/**
 * A SigV4 `Authorization` header of the right form (the edge, like dynalite, reads its region and
 * never checks its signature), so that requests reach the actions rather than the signature check.
 */
export const SIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
  'x-amz-date': '20260101T000000Z',
};

/** Sends one raw AWS JSON protocol request to the edge; no answer within {@link HANG_MS} is a hang. */
export async function callEdge(
  endpoint: string,
  target: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<EdgeAnswer> {
  if (process.env.FUZZ_LOG) console.info(target, typeof body === 'string' ? body.slice(0, 2_000) : body);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { ...SIGNED, 'x-amz-target': target, ...headers },
      body,
      signal: AbortSignal.timeout(HANG_MS),
    });
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === 'UND_ERR_INVALID_ARG') throw new ClientRefusedError(String(error), { cause: error });
    throw new Error(`${target} got no answer: ${String(error)}`, { cause: error });
  }
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** An AWS error name, bare (`ValidationException`) or qualified as dynalite writes it (`com.amazonaws…#ValidationException`). */
const AWS_ERROR_TYPE = /^([A-Za-z0-9.]+#)?[A-Z][A-Za-z0-9]+$/;

/**
 * Asserts an AWS JSON protocol answer: a success (200, a JSON object), or a 4xx whose JSON body
 * names an AWS error in `__type`, with its message — never a 5xx. Answers the error type, if any.
 */
export function expectAwsAnswer(answer: EdgeAnswer): string | undefined {
  const where = `${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  const xml = /^<([A-Z][A-Za-z]+)\/>$/.exec(answer.text.trim());
  if (xml) {
    // DynamoDB (and dynalite after it) answers a request whose content type is not its JSON one
    // with an empty XML element naming the error, e.g. `<UnknownOperationException/>`.
    expect(answer.status, where).toBeGreaterThanOrEqual(400);
    return xml[1];
  }
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  expect(typeof body === 'object' && body !== null && !Array.isArray(body), where).toBe(true);
  if (answer.status < 300) {
    expect(answer.status, where).toBe(200);
    return undefined;
  }
  expect(answer.status, where).toBeGreaterThanOrEqual(400);
  expect(body.__type, where).toMatch(AWS_ERROR_TYPE);
  const message = body.message ?? body.Message;
  if (message !== undefined) expect(message, where).toBeTypeOf('string');
  return String(body.__type).replace(/^.*#/, '');
}
