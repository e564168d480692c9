import { initiateAuth as initiate } from '../../auth/initiate-auth.js';
import type { CognitoContext } from '../../context.js';
import { type Input, optionalString, requiredString, stringMap } from '../request-fields.js';

/** InitiateAuth: USER_PASSWORD_AUTH, USER_AUTH (EMAIL_OTP, PASSWORD) and REFRESH_TOKEN_AUTH. */
export async function initiateAuth(context: CognitoContext, input: Input) {
  const sessionId = optionalString(input, 'Session', 2048);
  return initiate(context, {
    clientId: requiredString(input, 'ClientId', 128),
    authFlow: requiredString(input, 'AuthFlow', 64),
    parameters: stringMap(input, 'AuthParameters'),
    ...(sessionId !== undefined && { sessionId }),
  });
}
