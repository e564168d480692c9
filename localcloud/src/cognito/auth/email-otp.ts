import type { StoreOp } from '../../store/group-commit.js';
import type { CognitoContext } from '../context.js';
import type { AppClientRecord, UserRecord } from '../records.js';
import { maskEmail } from '../users/attributes.js';
import { SIGN_IN_CODE_MESSAGE, sendCodeMessage } from '../users/messages.js';
import { newAuthSession, saveAuthSessionOp } from './auth-sessions.js';
import { newCode, pendingCode, SIGN_IN_CODE } from './one-time-codes.js';
import type { SignInStep } from './sign-in-step.js';

/**
 * Starts an `EMAIL_OTP` challenge: a sign-in code to the user's email, valid as long as the new
 * session, which is written with `ops` before the code is sent.
 */
export async function beginEmailOtp(
  context: CognitoContext,
  client: AppClientRecord,
  user: UserRecord,
  ops: StoreOp[] = [],
): Promise<SignInStep> {
  const email = user.attributes.email as string;
  const code = newCode(SIGN_IN_CODE.digits);
  const session = newAuthSession(context, client, user, 'EMAIL_OTP');
  session.code = pendingCode(code, session.expiresAt);
  await context.store.write([...ops, saveAuthSessionOp(session)]);
  await sendCodeMessage(context, email, SIGN_IN_CODE_MESSAGE, code);
  return {
    ChallengeName: 'EMAIL_OTP',
    Session: session.id,
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: maskEmail(email),
    },
  };
}
