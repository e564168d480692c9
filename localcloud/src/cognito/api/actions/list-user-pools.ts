import type { CognitoContext } from '../../context.js';
import { listUserPools as list } from '../../pools/user-pools.js';
import { afterKey, type Input, optionalInteger, pageToken } from '../request-fields.js';
import { epochSeconds } from '../wire.js';

/** ListUserPools: pools in ID order, `MaxResults` (1 to 60) at a time. */
export async function listUserPools(context: CognitoContext, input: Input) {
  const after = afterKey(input, 'NextToken');
  const { pools, lastKey } = await list(context, {
    limit: optionalInteger(input, 'MaxResults', 1, 60) ?? 60,
    ...(after !== undefined && { after }),
  });
  return {
    UserPools: pools.map((pool) => ({
      Id: pool.id,
      Name: pool.name,
      CreationDate: epochSeconds(pool.createdAt),
      LastModifiedDate: epochSeconds(pool.updatedAt),
    })),
    ...(lastKey !== undefined && { NextToken: pageToken(lastKey) }),
  };
}
