import type { CognitoContext } from '../../context.js';
import { groupsOfUser } from '../../users/groups.js';
import { requireUser } from '../../users/user-directory.js';
import type { Input } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';
import { groupType } from '../wire.js';

/** AdminListGroupsForUser: the user's groups in precedence order, in one page. */
export async function adminListGroupsForUser(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  const user = await requireUser(context, pool, usernameOf(input));
  return { Groups: (await groupsOfUser(context, pool, user)).map(groupType) };
}
