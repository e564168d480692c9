import type { CognitoContext } from '../../context.js';
import { addUserToGroup } from '../../users/groups.js';
import { type Input, requiredString } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';

/** AdminAddUserToGroup: tokens issued from now on carry the group. */
export async function adminAddUserToGroup(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  await addUserToGroup(context, pool, usernameOf(input), requiredString(input, 'GroupName', 128));
  return {};
}
