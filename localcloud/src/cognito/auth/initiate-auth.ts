import type { CognitoContext } from '../context.js';
import { invalidParameter } from '../errors.js';
import { assertFlowAllowed, requireAppClient } from '../pools/app-clients.js';
import { assertSecretHash } from '../pools/secret-hash.js';
import { requireUserPool } from '../pools/user-pools.js';
import { resolveUser, userNotFound } from '../users/user-directory.js';
import { type Parameters, requiredParameter } from './auth-parameters.js';
import { signInWithPassword } from './password-sign-in.js';
import { refreshTokens } from './refresh-tokens.js';
import { type SignInStep, signedIn } from './sign-in-step.js';
import { startUserAuth } from './user-auth.js';

/** An InitiateAuth request. */
export interface InitiateAuthRequest {
  clientId: string;
  authFlow: string;
  parameters: Parameters;
  /** The session of a ConfirmSignUp, for `USER_AUTH` straight after sign-up. */
  sessionId?: string;
}

/** The flows of the API that the local user pools do not implement. */
const UNSUPPORTED_FLOWS = new Set([
  'USER_SRP_AUTH',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
]);

/** InitiateAuth: `USER_PASSWORD_AUTH`, `USER_AUTH`, and `REFRESH_TOKEN_AUTH`. */
export async function initiateAuth(
  context: CognitoContext,
  request: InitiateAuthRequest,
): Promise<SignInStep> {
  const client = await requireAppClient(context, request.clientId);
  const pool = await requireUserPool(context, client.poolId);
  const parameters = request.parameters;
  switch (request.authFlow) {
    case 'USER_PASSWORD_AUTH': {
      assertFlowAllowed(client, 'USER_PASSWORD_AUTH');
      const loginName = requiredParameter(parameters, 'USERNAME');
      const password = requiredParameter(parameters, 'PASSWORD');
      const user = await resolveUser(context, pool, loginName);
      if (!user) throw userNotFound(client);
      assertSecretHash(client, [loginName, user.username], parameters.SECRET_HASH);
      return signInWithPassword(context, pool, client, user, password);
    }
    case 'USER_AUTH':
      return startUserAuth(context, pool, client, parameters, request.sessionId);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const refreshToken = requiredParameter(parameters, 'REFRESH_TOKEN');
      const tokens = await refreshTokens(context, client, refreshToken, (session) =>
        assertSecretHash(
          client,
          [session.username, ...(parameters.USERNAME === undefined ? [] : [parameters.USERNAME])],
          parameters.SECRET_HASH,
        ),
      );
      return signedIn(tokens);
    }
    default:
      if (UNSUPPORTED_FLOWS.has(request.authFlow)) {
        throw invalidParameter(
          `${request.authFlow} is not supported by the local user pools; use USER_PASSWORD_AUTH or USER_AUTH`,
        );
      }
      throw invalidParameter(
        `1 validation error detected: Value '${request.authFlow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_PASSWORD_AUTH, USER_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, USER_SRP_AUTH, CUSTOM_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH]`,
      );
  }
}
