import type { ServerResponse } from 'node:http';
import type { AwsServiceError } from '../edge/aws-json-service.js';
import { sendJson } from '../edge/edge-route.js';

/**
 * Answers with an error in the REST-JSON protocol's shape: the status, the error name in the
 * `x-amzn-ErrorType` header (which the official SDKs read first) and `{ "message" }` as the body.
 */
export function sendRestJsonError(response: ServerResponse, error: AwsServiceError): void {
  sendJson(
    response,
    error.status,
    { message: error.message },
    { 'x-amzn-errortype': error.code, 'x-amzn-requestid': crypto.randomUUID() },
  );
}
