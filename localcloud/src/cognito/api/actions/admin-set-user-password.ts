import type { CognitoContext } from '../../context.js';
import { adminSetUserPassword as setPassword } from '../../users/admin-users.js';
import { type Input, optionalBoolean, requiredString } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';

/** AdminSetUserPassword: `Permanent` confirms the user; otherwise the password is temporary. */
export async function adminSetUserPassword(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  await setPassword(
    context,
    pool,
    usernameOf(input),
    requiredString(input, 'Password', 256),
    optionalBoolean(input, 'Permanent') === true,
  );
  return {};
}
