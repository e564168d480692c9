import type { CognitoContext } from '../../context.js';
import { resendConfirmationCode as resend } from '../../users/sign-up.js';
import { type Input, optionalString, requiredString } from '../request-fields.js';

/** ResendConfirmationCode: a new sign-up code; the previous one stops working. */
export async function resendConfirmationCode(context: CognitoContext, input: Input) {
  const secretHash = optionalString(input, 'SecretHash', 128);
  return resend(context, {
    clientId: requiredString(input, 'ClientId', 128),
    username: requiredString(input, 'Username', 128),
    ...(secretHash !== undefined && { secretHash }),
  });
}
