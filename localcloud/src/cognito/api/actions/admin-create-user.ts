import type { CognitoContext } from '../../context.js';
import { invalidParameter } from '../../errors.js';
import { adminCreateUser as create } from '../../users/admin-users.js';
import { parseAttributes } from '../../users/attributes.js';
import { type Input, optionalString } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';
import { userType } from '../wire.js';

/** AdminCreateUser: `MessageAction` `SUPPRESS` sends no invitation to the outbox. */
export async function adminCreateUser(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  const action = optionalString(input, 'MessageAction');
  if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND') {
    throw invalidParameter(`Invalid MessageAction ${action}`);
  }
  const temporaryPassword = optionalString(input, 'TemporaryPassword', 256);
  const user = await create(context, pool, {
    username: usernameOf(input),
    attributes: parseAttributes(input.UserAttributes, 'UserAttributes'),
    ...(temporaryPassword !== undefined && { temporaryPassword }),
    ...(action !== undefined && { messageAction: action }),
  });
  return { User: userType(user) };
}
