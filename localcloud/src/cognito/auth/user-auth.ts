import type { StoreOp } from '../../store/group-commit.js';
import type { CognitoContext } from '../context.js';
import { invalidParameter, notAuthorized } from '../errors.js';
import { assertFlowAllowed } from '../pools/app-clients.js';
import { assertSecretHash } from '../pools/secret-hash.js';
import type { AppClientRecord, UserPoolRecord, UserRecord } from '../records.js';
import { del } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { resolveUser, userNotFound } from '../users/user-directory.js';
import { type Parameters, requiredParameter } from './auth-parameters.js';
import { newAuthSession, requireAuthSession, saveAuthSessionOp } from './auth-sessions.js';
import { completeAuthentication } from './complete-authentication.js';
import { beginEmailOtp } from './email-otp.js';
import { signInWithPassword } from './password-sign-in.js';
import { assertMaySignIn } from './sign-in-gate.js';
import { type SignInStep, signedIn } from './sign-in-step.js';

/**
 * The first factors `user` can answer in choice-based sign-in: those the pool allows that the
 * user has the means for (a password, an email address). Passkeys, SMS and SRP are not offered
 * locally.
 */
export function availableChallenges(pool: UserPoolRecord, user: UserRecord): string[] {
  const available: string[] = [];
  for (const factor of pool.allowedFirstAuthFactors) {
    if (factor === 'PASSWORD' && user.passwordHash !== undefined) available.push('PASSWORD');
    if (factor === 'EMAIL_OTP' && user.attributes.email !== undefined) available.push('EMAIL_OTP');
  }
  return available;
}

/** Starts the challenge a user chose (or preferred): sends a code, or checks the password. */
export function beginChallenge(
  context: CognitoContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  challenge: string,
  parameters: Parameters,
  ops: StoreOp[] = [],
): Promise<SignInStep> {
  if (challenge === 'EMAIL_OTP') return beginEmailOtp(context, client, user, ops);
  if (challenge === 'PASSWORD') {
    return signInWithPassword(context, pool, client, user, requiredParameter(parameters, 'PASSWORD'), ops);
  }
  throw invalidParameter(`The challenge ${challenge} is not available for this user`);
}

/**
 * InitiateAuth with `USER_AUTH` (choice-based sign-in). With the `Session` of a ConfirmSignUp, the
 * code that confirmed the account counts as the first factor and tokens come straight back (what
 * Amplify's `autoSignIn` does). Otherwise the user's `PREFERRED_CHALLENGE` starts at once when
 * available, or `SELECT_CHALLENGE` lists what is.
 */
export async function startUserAuth(
  context: CognitoContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  parameters: Parameters,
  sessionId: string | undefined,
): Promise<SignInStep> {
  assertFlowAllowed(client, 'USER_AUTH');
  const loginName = requiredParameter(parameters, 'USERNAME');
  const user = await resolveUser(context, pool, loginName);
  if (!user) throw userNotFound(client);
  assertSecretHash(client, [loginName, user.username], parameters.SECRET_HASH);
  if (sessionId !== undefined) return signInAfterSignUp(context, pool, client, user, sessionId);
  assertMaySignIn(user);
  const available = availableChallenges(pool, user);
  const preferred = parameters.PREFERRED_CHALLENGE;
  if (preferred !== undefined && available.includes(preferred)) {
    return beginChallenge(context, pool, client, user, preferred, parameters);
  }
  if (available.length === 0) throw notAuthorized('The user has no sign-in method this user pool allows.');
  const session = newAuthSession(context, client, user, 'SELECT_CHALLENGE', {
    availableChallenges: available,
  });
  await context.store.write([saveAuthSessionOp(session)]);
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    Session: session.id,
    ChallengeParameters: {},
    AvailableChallenges: available,
  };
}

/** Signs in a user who just confirmed their sign-up, once, within the session's lifetime. */
function signInAfterSignUp(
  context: CognitoContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  sessionId: string,
): Promise<SignInStep> {
  return context.store.exclusive(async () => {
    const session = await requireAuthSession(context, client, sessionId);
    if (session.challenge !== 'SIGN_UP' || session.username !== user.username) {
      throw notAuthorized('Invalid session for the user.');
    }
    assertMaySignIn(user);
    return signedIn(
      await completeAuthentication(context, pool, client, user, [del(Keys.authSession(session.id))]),
    );
  });
}
