import type { CognitoContext } from '../../context.js';
import { usersInGroup } from '../../users/groups.js';
import { afterKey, type Input, pageLimit, pageToken, requiredString } from '../request-fields.js';
import { poolOf } from '../targets.js';
import { userType } from '../wire.js';

/** ListUsersInGroup: members by username. */
export async function listUsersInGroup(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  const after = afterKey(input, 'NextToken');
  const { users, lastKey } = await usersInGroup(context, pool, requiredString(input, 'GroupName', 128), {
    limit: pageLimit(input, 'Limit'),
    ...(after !== undefined && { after }),
  });
  return {
    Users: users.map((user) => userType(user)),
    ...(lastKey !== undefined && { NextToken: pageToken(lastKey) }),
  };
}
