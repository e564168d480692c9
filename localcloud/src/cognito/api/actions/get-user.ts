import { verifyAccessToken } from '../../auth/verify-access-token.js';
import type { CognitoContext } from '../../context.js';
import { attributeList } from '../../users/attributes.js';
import { type Input, requiredString } from '../request-fields.js';

/** GetUser: the attributes of the access token's user; refused once the token is revoked. */
export async function getUser(context: CognitoContext, input: Input) {
  const { user } = await verifyAccessToken(context, requiredString(input, 'AccessToken', 131_072));
  return { Username: user.username, UserAttributes: attributeList(user.attributes) };
}
