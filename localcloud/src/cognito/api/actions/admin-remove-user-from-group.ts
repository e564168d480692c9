import type { CognitoContext } from '../../context.js';
import { removeUserFromGroup } from '../../users/groups.js';
import { type Input, requiredString } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';

/** AdminRemoveUserFromGroup. */
export async function adminRemoveUserFromGroup(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  await removeUserFromGroup(context, pool, usernameOf(input), requiredString(input, 'GroupName', 128));
  return {};
}
