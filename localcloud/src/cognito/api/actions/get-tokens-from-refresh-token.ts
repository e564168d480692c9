import { refreshTokens } from '../../auth/refresh-tokens.js';
import type { CognitoContext } from '../../context.js';
import { requireAppClient } from '../../pools/app-clients.js';
import { assertClientSecret } from '../../pools/secret-hash.js';
import { type Input, optionalString, requiredString } from '../request-fields.js';

/** GetTokensFromRefreshToken: how Amplify v6 refreshes its tokens. */
export async function getTokensFromRefreshToken(context: CognitoContext, input: Input) {
  const client = await requireAppClient(context, requiredString(input, 'ClientId', 128));
  assertClientSecret(client, optionalString(input, 'ClientSecret', 128));
  const tokens = await refreshTokens(context, client, requiredString(input, 'RefreshToken', 131_072));
  return { AuthenticationResult: tokens };
}
