import type { CognitoContext } from '../../context.js';
import { listGroups as list } from '../../users/groups.js';
import { afterKey, type Input, pageLimit, pageToken } from '../request-fields.js';
import { poolOf } from '../targets.js';
import { groupType } from '../wire.js';

/** ListGroups: a pool's groups by name. */
export async function listGroups(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  const after = afterKey(input, 'NextToken');
  const { groups, lastKey } = await list(context, pool, {
    limit: pageLimit(input, 'Limit'),
    ...(after !== undefined && { after }),
  });
  return { Groups: groups.map(groupType), ...(lastKey !== undefined && { NextToken: pageToken(lastKey) }) };
}
