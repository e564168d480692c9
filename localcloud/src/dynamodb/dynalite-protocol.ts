import type { IncomingHttpHeaders } from 'node:http';
import type { AwsServiceError } from '../aws-service-error.js';
import type { EdgeAnswer } from '../edge/edge-route.js';

/** A DynamoDB request as the edge received it, handed to dynalite's thread. */
export interface DynamoDbCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

/** dynalite's answer to a {@link DynamoDbCall}, to be written to the caller as it is. */
export type DynamoDbAnswer = EdgeAnswer;

/** What dynalite's thread starts with: the store's folder and the loopback port to listen on. */
export interface DynaliteWorkerData {
  path: string;
  /** 0 for any free port; a restarted thread takes its predecessor's. */
  port: number;
  /** How long a table created, updated or deleted stays in its passing status. */
  tableStatusMs: number;
}

/** What dynalite's thread reports once its store is open. */
export interface DynaliteReady {
  /** The loopback port it listens on. */
  port: number;
}

/** An error in DynamoDB's JSON 1.0 format. */
export function errorAnswer(error: AwsServiceError): DynamoDbAnswer {
  const body = JSON.stringify({ __type: `com.amazon.coral.service#${error.code}`, message: error.message });
  return {
    status: error.status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(body) },
    body,
  };
}
