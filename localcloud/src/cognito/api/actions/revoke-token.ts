import { revokeRefreshToken } from '../../auth/sign-out.js';
import type { CognitoContext } from '../../context.js';
import { requireAppClient } from '../../pools/app-clients.js';
import { assertClientSecret } from '../../pools/secret-hash.js';
import { type Input, optionalString, requiredString } from '../request-fields.js';

/** RevokeToken: revokes one refresh token and the tokens issued from it (Amplify's local sign-out). */
export async function revokeToken(context: CognitoContext, input: Input) {
  const client = await requireAppClient(context, requiredString(input, 'ClientId', 128));
  assertClientSecret(client, optionalString(input, 'ClientSecret', 128));
  await revokeRefreshToken(context, client, requiredString(input, 'Token', 131_072));
  return {};
}
