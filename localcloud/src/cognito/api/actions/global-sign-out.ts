import { globalSignOut as signOut } from '../../auth/sign-out.js';
import type { CognitoContext } from '../../context.js';
import { type Input, requiredString } from '../request-fields.js';

/** GlobalSignOut: revokes every refresh token of the user, and the tokens issued from them. */
export async function globalSignOut(context: CognitoContext, input: Input) {
  await signOut(context, requiredString(input, 'AccessToken', 131_072));
  return {};
}
