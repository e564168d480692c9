import type { CognitoContext } from '../../context.js';
import { adminDeleteUser as remove } from '../../users/admin-users.js';
import type { Input } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';

/** AdminDeleteUser: with its aliases, memberships and tokens. */
export async function adminDeleteUser(context: CognitoContext, input: Input) {
  await remove(context, await poolOf(context, input), usernameOf(input));
  return {};
}
