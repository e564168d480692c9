import { AwsServiceError } from '../../aws-service-error.js';
import { isExecutionArn } from './arns.js';

/** Where a task token leads: the execution, the run waiting on it, and a nonce for the attempt. */
export interface TaskTokenParts {
  executionArn: string;
  runId: string;
  nonce: string;
}

/** The longest token SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat accept. */
const MAX_TOKEN_LENGTH = 2048;

/**
 * Task tokens are opaque to callers but self-describing to the engine, so a token finds its
 * execution after a restart without an index: `<nonce>:<run id>:<execution ARN>`. Neither a nonce
 * nor a run id holds a colon; the ARN, last, may.
 */
export function encodeTaskToken(executionArn: string, runId: string, nonce: string): string {
  return `${nonce}:${runId}:${executionArn}`;
}

/** Decodes a token, or raises `InvalidToken` as AWS does for a malformed one. */
export function decodeTaskToken(token: unknown): TaskTokenParts {
  if (typeof token === 'string' && token.length > 0 && token.length <= MAX_TOKEN_LENGTH) {
    const parts = token.includes(':') ? splitToken(token) : decodeFirstFormat(token);
    if (parts) return parts;
  }
  throw new AwsServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
}

function splitToken(token: string): TaskTokenParts | undefined {
  const afterNonce = token.indexOf(':');
  const afterRun = token.indexOf(':', afterNonce + 1);
  if (afterNonce < 1 || afterRun < afterNonce + 2) return undefined;
  const executionArn = token.slice(afterRun + 1);
  if (!isExecutionArn(executionArn)) return undefined;
  return { nonce: token.slice(0, afterNonce), runId: token.slice(afterNonce + 1, afterRun), executionArn };
}

/** Tokens issued before the current format, still held by executions that were waiting then. */
function decodeFirstFormat(token: string): TaskTokenParts | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === 3 && parts.every((part) => typeof part === 'string')) {
      const [executionArn, runId, nonce] = parts as [string, string, string];
      return { executionArn, runId, nonce };
    }
  } catch {
    // Not a token made here.
  }
  return undefined;
}
