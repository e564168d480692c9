import { CognitoError, notAuthorized } from '../errors.js';
import type { UserRecord } from '../records.js';

/**
 * Throws the error Cognito answers when a user who proved who they are still may not sign in:
 * disabled, not confirmed, or due a password reset.
 */
export function assertMaySignIn(user: UserRecord): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'UNCONFIRMED')
    throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'RESET_REQUIRED') {
    throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');
  }
}

/** The answer to a wrong password, an unknown user behind a protected client, or a passwordless user. */
export function incorrectCredentials(): CognitoError {
  return notAuthorized('Incorrect username or password.');
}
