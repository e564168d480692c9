import { Amplify } from 'aws-amplify';
import {
  autoSignIn,
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  resendSignUpCode,
  signIn,
  signOut,
  signUp,
} from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import type { RuntimeConfig } from '../config/runtime-config';
import { AuthError, type AuthErrorKind, type AuthService, type CodeChallenge } from './auth-service';
import { type Identity, identityFromClaims } from './identity';

/** Configures Amplify: Auth with the user pool of `config` (the local one through `userPoolEndpoint`). */
export function configureAmplify(config: RuntimeConfig): void {
  const { userPoolId, userPoolClientId, userPoolEndpoint } = config.auth;
  const Cognito = {
    userPoolId,
    userPoolClientId,
    ...(userPoolEndpoint && { userPoolEndpoint }),
    loginWith: { username: true, email: true },
  };
  Amplify.configure({ Auth: { Cognito } });
}

/** What a user pool's (or Amplify's) error name means for a sign-in with a password or an email. */
const KIND_BY_ERROR_NAME: Record<string, AuthErrorKind> = {
  NotAuthorizedException: 'wrong-password',
  UserNotFoundException: 'wrong-password',
  CodeMismatchException: 'wrong-code',
  ExpiredCodeException: 'code-expired',
  LimitExceededException: 'too-many-attempts',
  TooManyRequestsException: 'too-many-attempts',
  TooManyFailedAttemptsException: 'too-many-attempts',
  InvalidParameterException: 'invalid-email',
};

/**
 * The same while answering a one-time code, where no password is involved: the local pool and
 * Cognito answer `NotAuthorizedException` ("Invalid session for the user, session is expired.",
 * or "Invalid session for the user." once the session is spent) when the sign-in session that sent
 * the code is over, and `TooManyFailedAttemptsException` to the wrong code that ends it. Amplify's
 * `SignInException` says it holds no sign-in session to answer (the page lost it).
 */
const CODE_STEP_KIND_BY_ERROR_NAME: Record<string, AuthErrorKind> = {
  ...KIND_BY_ERROR_NAME,
  NotAuthorizedException: 'code-expired',
  TooManyFailedAttemptsException: 'too-many-wrong-codes',
  SignInException: 'code-expired',
};

/**
 * An Amplify or Cognito error as an {@link AuthError}, its kind looked up by name in `kinds`;
 * `fallback` when its name says nothing better.
 */
function toAuthError(
  error: unknown,
  fallback: AuthErrorKind = 'unexpected',
  kinds: Record<string, AuthErrorKind> = KIND_BY_ERROR_NAME,
): AuthError {
  if (error instanceof AuthError) return error;
  const name = (error as { name?: string } | undefined)?.name ?? '';
  const kind = kinds[name] ?? fallback;
  return new AuthError(kind, (error as Error | undefined)?.message ?? name, { cause: error });
}

async function currentIdentity(): Promise<Identity | undefined> {
  try {
    const { tokens } = await fetchAuthSession();
    return tokens?.idToken ? identityFromClaims(tokens.idToken.payload) : undefined;
  } catch {
    // No session, or it could not be refreshed: signed out, as far as the apps go.
    return undefined;
  }
}

async function signedIn(): Promise<Identity> {
  const identity = await currentIdentity();
  if (!identity) throw new AuthError('unexpected', 'Signed in, but no ID token came back');
  return identity;
}

/** Ends whatever session Amplify keeps, so that a new sign-in does not fail as "already signed in". */
async function signOutQuietly(): Promise<void> {
  try {
    await signOut();
  } catch {
    // Signing out of nothing, or offline: the local tokens are cleared either way.
  }
}

/**
 * The {@link AuthService} of Amplify Auth v6 against the user pool of `config` (the local
 * Cognito through `userPoolEndpoint`, or Cognito on AWS). Configures Amplify.
 */
export function createAmplifyAuth(config: RuntimeConfig): AuthService {
  configureAmplify(config);
  const service: AuthService = {
    current: currentIdentity,

    async idToken() {
      // Signed out (or a refresh the pool refused) is no tokens; a refresh that failed for now
      // (offline, a fault) rejects, so that callers retry rather than carry on anonymously.
      return (await fetchAuthSession()).tokens?.idToken?.toString();
    },

    async signInWithPassword(username, password) {
      await signOutQuietly();
      try {
        const result = await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
        if (!result.isSignedIn) {
          throw new AuthError('not-allowed', `Sign-in needs a further step: ${result.nextStep.signInStep}`);
        }
      } catch (error) {
        throw toAuthError(error);
      }
      return signedIn();
    },

    async sendCode(email) {
      const address = email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
        throw new AuthError('invalid-email', `Not an email address: ${email}`);
      }
      await signOutQuietly();
      try {
        const result = await signIn({
          username: address,
          options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
        });
        const step = result.nextStep;
        if (step.signInStep === 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE') {
          const destination = step.codeDeliveryDetails?.destination;
          return { email: address, kind: 'sign-in', ...(destination && { destination }) };
        }
        if (step.signInStep === 'CONFIRM_SIGN_UP') {
          // Signed up earlier, the code never entered: confirm the account first.
          const resent = await resendSignUpCode({ username: address });
          const destination = resent.destination;
          return { email: address, kind: 'confirm-account', ...(destination && { destination }) };
        }
        throw new AuthError('not-allowed', `Unexpected sign-in step ${step.signInStep}`);
      } catch (error) {
        if ((error as { name?: string }).name !== 'UserNotFoundException') throw toAuthError(error);
      }
      // First time: passwordless sign-up; the code confirms the account, then signs in.
      try {
        const result = await signUp({
          username: address,
          options: { userAttributes: { email: address }, autoSignIn: { authFlowType: 'USER_AUTH' } },
        });
        const destination =
          result.nextStep.signUpStep === 'CONFIRM_SIGN_UP'
            ? result.nextStep.codeDeliveryDetails.destination
            : undefined;
        return { email: address, kind: 'sign-up', ...(destination && { destination }) };
      } catch (error) {
        throw toAuthError(error, 'invalid-email');
      }
    },

    async confirmCode(challenge: CodeChallenge, code: string) {
      const answer = code.trim();
      try {
        if (challenge.kind === 'confirm-account') {
          await confirmSignUp({ username: challenge.email, confirmationCode: answer });
          return await service.sendCode(challenge.email);
        }
        if (challenge.kind === 'sign-in') {
          const result = await confirmSignIn({ challengeResponse: answer });
          if (!result.isSignedIn) throw new AuthError('wrong-code', `Still at ${result.nextStep.signInStep}`);
        } else {
          const confirmed = await confirmSignUp({ username: challenge.email, confirmationCode: answer });
          if (confirmed.nextStep.signUpStep !== 'COMPLETE_AUTO_SIGN_IN') {
            throw new AuthError('unexpected', `Unexpected sign-up step ${confirmed.nextStep.signUpStep}`);
          }
          const result = await autoSignIn();
          if (!result.isSignedIn) throw new AuthError('unexpected', `Still at ${result.nextStep.signInStep}`);
        }
      } catch (error) {
        throw toAuthError(error, 'unexpected', CODE_STEP_KIND_BY_ERROR_NAME);
      }
      return signedIn();
    },

    async signOut() {
      await signOutQuietly();
    },

    onChange(listener) {
      // Cross-tab events too: Amplify keeps the tokens in localStorage, shared by the app's tabs,
      // and tells a tab when another signs in or out there (a `storage` event). Without them a
      // tab went on showing a user whom another tab had signed out.
      return Hub.listen('auth', () => listener(), {
        listenerName: 'coffee-auth',
        enableCrossTabEvents: true,
      });
    },
  };
  return service;
}
