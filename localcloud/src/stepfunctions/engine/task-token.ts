import { AwsServiceError } from '../../aws-service-error.js';

/** Where a task token leads: the execution, the run waiting on it, and a nonce for the attempt. */
export interface TaskTokenParts {
  executionArn: string;
  runId: string;
  nonce: string;
}

/**
 * Task tokens are opaque to callers but self-describing to the engine, so a token finds its
 * execution after a restart without an index.
 */
export function encodeTaskToken(executionArn: string, runId: string, nonce: string): string {
  return Buffer.from(JSON.stringify([executionArn, runId, nonce])).toString('base64url');
}

/** Decodes a token, or raises `InvalidToken` as AWS does for a malformed one. */
export function decodeTaskToken(token: unknown): TaskTokenParts {
  if (typeof token === 'string' && token.length > 0 && token.length <= 2048) {
    try {
      const parts: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      if (Array.isArray(parts) && parts.length === 3 && parts.every((part) => typeof part === 'string')) {
        const [executionArn, runId, nonce] = parts as [string, string, string];
        return { executionArn, runId, nonce };
      }
    } catch {
      // Falls through to InvalidToken: the token was not made here.
    }
  }
  throw new AwsServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
}
