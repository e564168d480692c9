import type { CognitoContext } from '../../context.js';
import { confirmSignUp as confirm } from '../../users/sign-up.js';
import { type Input, optionalBoolean, optionalString, requiredString } from '../request-fields.js';

/** ConfirmSignUp: answers a `Session` that signs the user in with USER_AUTH, no second code. */
export async function confirmSignUp(context: CognitoContext, input: Input) {
  const secretHash = optionalString(input, 'SecretHash', 128);
  return confirm(context, {
    clientId: requiredString(input, 'ClientId', 128),
    username: requiredString(input, 'Username', 128),
    code: requiredString(input, 'ConfirmationCode', 2048),
    forceAliasCreation: optionalBoolean(input, 'ForceAliasCreation') === true,
    ...(secretHash !== undefined && { secretHash }),
  });
}
