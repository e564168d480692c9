import type { CognitoContext } from '../../context.js';
import { adminConfirmSignUp as confirm } from '../../users/admin-users.js';
import type { Input } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';

/** AdminConfirmSignUp: confirms an unconfirmed user without their code. */
export async function adminConfirmSignUp(context: CognitoContext, input: Input) {
  await confirm(context, await poolOf(context, input), usernameOf(input));
  return {};
}
