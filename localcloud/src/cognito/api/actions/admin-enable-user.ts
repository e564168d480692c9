import type { CognitoContext } from '../../context.js';
import { setUserEnabled } from '../../users/admin-users.js';
import type { Input } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';

/** AdminEnableUser. */
export async function adminEnableUser(context: CognitoContext, input: Input) {
  await setUserEnabled(context, await poolOf(context, input), usernameOf(input), true);
  return {};
}
