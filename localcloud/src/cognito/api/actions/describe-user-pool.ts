import type { CognitoContext } from '../../context.js';
import { requireUserPool } from '../../pools/user-pools.js';
import { type Input, requiredString } from '../request-fields.js';
import { userPoolType } from '../wire.js';

/** DescribeUserPool. */
export async function describeUserPool(context: CognitoContext, input: Input) {
  return { UserPool: userPoolType(await requireUserPool(context, requiredString(input, 'UserPoolId', 55))) };
}
