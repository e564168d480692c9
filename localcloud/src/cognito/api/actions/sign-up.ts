import type { CognitoContext } from '../../context.js';
import { parseAttributes } from '../../users/attributes.js';
import { signUp as register } from '../../users/sign-up.js';
import { type Input, optionalString, requiredString } from '../request-fields.js';

/** SignUp: without `Password` in a pool that allows passwordless sign-in. */
export async function signUp(context: CognitoContext, input: Input) {
  const password = optionalString(input, 'Password', 256);
  const secretHash = optionalString(input, 'SecretHash', 128);
  return register(context, {
    clientId: requiredString(input, 'ClientId', 128),
    username: requiredString(input, 'Username', 128),
    ...(password !== undefined && { password }),
    attributes: parseAttributes(input.UserAttributes, 'UserAttributes'),
    ...(secretHash !== undefined && { secretHash }),
  });
}
