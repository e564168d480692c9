import { respondToChallenge } from '../../auth/respond-to-challenge.js';
import type { CognitoContext } from '../../context.js';
import { requireAppClient } from '../../pools/app-clients.js';
import { type Input, requiredString, stringMap } from '../request-fields.js';

/** RespondToAuthChallenge: SELECT_CHALLENGE, EMAIL_OTP and NEW_PASSWORD_REQUIRED. */
export async function respondToAuthChallenge(context: CognitoContext, input: Input) {
  const client = await requireAppClient(context, requiredString(input, 'ClientId', 128));
  return respondToChallenge(context, client, {
    challengeName: requiredString(input, 'ChallengeName', 64),
    responses: stringMap(input, 'ChallengeResponses'),
    sessionId: requiredString(input, 'Session', 2048),
  });
}
