import type { DynaliteError } from 'dynalite/db/index.js';
import { AwsServiceError } from '../aws-service-error.js';

/** A JSON answer of the DynamoDB protocol: its status and body (an error's carries `__type`). */
export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The answer to a request that failed with `error`: a service's error, or dynalite's; anything else is thrown. */
export function answerOfError(error: unknown): JsonAnswer {
  if (error instanceof AwsServiceError)
    return {
      status: error.status,
      body: { __type: `com.amazon.coral.service#${error.code}`, message: error.message },
    };
  const failure = error as DynaliteError;
  if (failure.statusCode && failure.body) return { status: failure.statusCode, body: failure.body };
  throw error;
}
