import type { CognitoContext } from '../context.js';
import { CognitoError, invalidParameter, notAuthorized } from '../errors.js';
import { assertPasswordConforms } from '../pools/password-policy.js';
import { assertSecretHash } from '../pools/secret-hash.js';
import { requireUserPool } from '../pools/user-pools.js';
import type { AppClientRecord, AuthSessionRecord, UserPoolRecord, UserRecord } from '../records.js';
import { del } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { findUser, resolveUser, saveUserOps } from '../users/user-directory.js';
import { type Parameters, requiredParameter } from './auth-parameters.js';
import { requireAuthSession, saveAuthSessionOp } from './auth-sessions.js';
import { completeAuthentication } from './complete-authentication.js';
import { checkCode, SIGN_IN_CODE } from './one-time-codes.js';
import { hashPassword } from './password-hash.js';
import { assertMaySignIn } from './sign-in-gate.js';
import { type SignInStep, signedIn } from './sign-in-step.js';
import { beginChallenge } from './user-auth.js';

/** A response to the challenge a sign-in session is waiting on. */
export interface ChallengeResponse {
  challengeName: string;
  responses: Parameters;
  sessionId: string;
}

/**
 * RespondToAuthChallenge: answers `SELECT_CHALLENGE`, `EMAIL_OTP` or `NEW_PASSWORD_REQUIRED`.
 * A session is single-use: an answer that moves on consumes it. A wrong code leaves it usable
 * until the attempts run out.
 */
export async function respondToChallenge(
  context: CognitoContext,
  client: AppClientRecord,
  response: ChallengeResponse,
): Promise<SignInStep> {
  const pool = await requireUserPool(context, client.poolId);
  return context.store.exclusive(async () => {
    const session = await requireAuthSession(context, client, response.sessionId);
    const user = await findUser(context, pool, session.username);
    const loginName = requiredParameter(response.responses, 'USERNAME');
    const named = await resolveUser(context, pool, loginName);
    if (!user || named?.username !== user.username) throw notAuthorized('Invalid session for the user.');
    assertSecretHash(client, [loginName, user.username], response.responses.SECRET_HASH);
    if (response.challengeName !== session.challenge) {
      throw invalidParameter(
        `The session is waiting for ${session.challenge}, not ${response.challengeName}`,
      );
    }
    const consumed = del(Keys.authSession(session.id));
    switch (session.challenge) {
      case 'SELECT_CHALLENGE': {
        const answer = requiredParameter(response.responses, 'ANSWER');
        if (!session.availableChallenges?.includes(answer)) {
          throw invalidParameter(`The challenge ${answer} is not available for this user`);
        }
        return beginChallenge(context, pool, client, user, answer, response.responses, [consumed]);
      }
      case 'EMAIL_OTP':
        return answerEmailOtp(context, pool, client, user, session, response.responses);
      case 'NEW_PASSWORD_REQUIRED': {
        const password = requiredParameter(response.responses, 'NEW_PASSWORD');
        assertPasswordConforms(pool.passwordPolicy, password);
        const changed: UserRecord = {
          ...user,
          passwordHash: await hashPassword(password),
          status: 'CONFIRMED',
          updatedAt: context.now(),
        };
        assertMaySignIn(changed);
        const ops = [consumed, ...saveUserOps(pool, changed, user)];
        return signedIn(await completeAuthentication(context, pool, client, changed, ops));
      }
      default:
        throw invalidParameter(`${session.challenge} cannot be answered with RespondToAuthChallenge`);
    }
  });
}

async function answerEmailOtp(
  context: CognitoContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  session: AuthSessionRecord,
  responses: Parameters,
): Promise<SignInStep> {
  const answer = requiredParameter(responses, 'EMAIL_OTP_CODE');
  const consumed = del(Keys.authSession(session.id));
  if (!session.code) throw notAuthorized('Invalid session for the user.');
  const check = checkCode(session.code, answer, context.now(), SIGN_IN_CODE.maxAttempts);
  switch (check.outcome) {
    case 'ok':
      assertMaySignIn(user);
      return signedIn(await completeAuthentication(context, pool, client, user, [consumed]));
    case 'mismatch':
      await context.store.write([saveAuthSessionOp({ ...session, code: check.pending })]);
      throw new CognitoError('CodeMismatchException', 'Invalid code received for user');
    case 'exhausted':
      await context.store.write([consumed]);
      throw new CognitoError(
        'TooManyFailedAttemptsException',
        'Too many failed attempts. Sign in again for a new code.',
      );
    case 'expired':
      await context.store.write([consumed]);
      throw notAuthorized('Invalid session for the user, session is expired.');
  }
}
