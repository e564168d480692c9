import type { CognitoContext } from '../../context.js';
import { setUserEnabled } from '../../users/admin-users.js';
import type { Input } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';

/** AdminDisableUser: the user can no longer sign in, and every token of theirs is revoked. */
export async function adminDisableUser(context: CognitoContext, input: Input) {
  await setUserEnabled(context, await poolOf(context, input), usernameOf(input), false);
  return {};
}
