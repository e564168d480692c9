import type { CognitoContext } from '../../context.js';
import { listUsers as list, parseUserFilter } from '../../users/list-users.js';
import {
  afterKey,
  type Input,
  optionalString,
  optionalStringList,
  pageLimit,
  pageToken,
} from '../request-fields.js';
import { poolOf } from '../targets.js';
import { userType } from '../wire.js';

/** ListUsers: by username, with Cognito's `attribute = "value"` / `^=` filter. */
export async function listUsers(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  const after = afterKey(input, 'PaginationToken');
  const filter = parseUserFilter(optionalString(input, 'Filter', 256));
  const only = optionalStringList(input, 'AttributesToGet');
  const { users, lastKey } = await list(context, pool, {
    limit: pageLimit(input, 'Limit'),
    ...(after !== undefined && { after }),
    ...(filter !== undefined && { filter }),
  });
  return {
    Users: users.map((user) => userType(user, only)),
    ...(lastKey !== undefined && { PaginationToken: pageToken(lastKey) }),
  };
}
