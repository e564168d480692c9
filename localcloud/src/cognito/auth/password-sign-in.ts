import type { StoreOp } from '../../store/group-commit.js';
import type { CognitoContext } from '../context.js';
import type { AppClientRecord, UserPoolRecord, UserRecord } from '../records.js';
import { newAuthSession, saveAuthSessionOp } from './auth-sessions.js';
import { completeAuthentication } from './complete-authentication.js';
import { verifyPassword } from './password-hash.js';
import { assertMaySignIn, incorrectCredentials } from './sign-in-gate.js';
import { type SignInStep, signedIn } from './sign-in-step.js';

/**
 * Signs a user in with a password (USER_PASSWORD_AUTH, or the PASSWORD choice of USER_AUTH):
 * tokens, or `NEW_PASSWORD_REQUIRED` for a user an administrator gave a temporary password.
 * `ops` are written with the outcome (a consumed sign-in session).
 */
export async function signInWithPassword(
  context: CognitoContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  password: string,
  ops: StoreOp[] = [],
): Promise<SignInStep> {
  if (user.passwordHash === undefined || !(await verifyPassword(password, user.passwordHash))) {
    throw incorrectCredentials();
  }
  assertMaySignIn(user);
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const session = newAuthSession(context, client, user, 'NEW_PASSWORD_REQUIRED');
    await context.store.write([...ops, saveAuthSessionOp(session)]);
    const { sub: _sub, ...attributes } = user.attributes;
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session.id,
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify(attributes),
      },
    };
  }
  return signedIn(await completeAuthentication(context, pool, client, user, ops));
}
