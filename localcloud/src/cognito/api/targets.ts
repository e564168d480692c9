import type { CognitoContext } from '../context.js';
import { requireUserPool } from '../pools/user-pools.js';
import type { UserPoolRecord } from '../records.js';
import { type Input, requiredString } from './request-fields.js';

/** The pool an administrative request's `UserPoolId` names. */
export function poolOf(context: CognitoContext, input: Input): Promise<UserPoolRecord> {
  return requireUserPool(context, requiredString(input, 'UserPoolId', 55));
}

/** The `Username` of a request. */
export function usernameOf(input: Input): string {
  return requiredString(input, 'Username', 128);
}
