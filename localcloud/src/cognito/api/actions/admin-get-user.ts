import type { CognitoContext } from '../../context.js';
import { attributeList } from '../../users/attributes.js';
import { requireUser } from '../../users/user-directory.js';
import type { Input } from '../request-fields.js';
import { poolOf, usernameOf } from '../targets.js';
import { epochSeconds } from '../wire.js';

/** AdminGetUser: by username or alias. */
export async function adminGetUser(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  const user = await requireUser(context, pool, usernameOf(input));
  return {
    Username: user.username,
    UserAttributes: attributeList(user.attributes),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
