import { confirmSignIn, fetchAuthSession, signIn } from 'aws-amplify/auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '../config/runtime-config';
import { createAmplifyAuth } from './amplify-auth';
import { authErrorMessage } from './auth-service';

vi.mock('aws-amplify/auth', () => ({
  autoSignIn: vi.fn(),
  confirmSignIn: vi.fn(),
  confirmSignUp: vi.fn(),
  fetchAuthSession: vi.fn(async () => ({})),
  resendSignUpCode: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(async () => undefined),
  signUp: vi.fn(),
}));

const CONFIG: RuntimeConfig = {
  region: 'us-east-1',
  apiUrl: 'http://test/api',
  mqttUrl: 'ws://test/mqtt',
  auth: { userPoolId: 'us-east-1_test', userPoolClientId: 'client' },
};

/** An error as Amplify rethrows the user pool's answer: the Cognito exception's name and message. */
function cognitoError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

beforeEach(() => {
  vi.mocked(signIn).mockReset();
  vi.mocked(confirmSignIn).mockReset();
});

describe('createAmplifyAuth: the words a customer sees on the code step', () => {
  // What the local pool (localcloud/src/cognito/auth/respond-to-challenge.ts) and Cognito answer
  // to RespondToAuthChallenge with an EMAIL_OTP code, and what the customer must read.
  it.each([
    [
      'a wrong code',
      'CodeMismatchException',
      'Invalid code received for user',
      'That code is not right. Check the latest email and try again.',
    ],
    [
      'a code whose sign-in session expired',
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
      'That code has expired. Send a new one.',
    ],
    [
      'the third wrong code, which ends the session',
      'TooManyFailedAttemptsException',
      'Too many failed attempts. Sign in again for a new code.',
      'Too many wrong codes. Send a new one.',
    ],
    [
      'any code after the session ended',
      'NotAuthorizedException',
      'Invalid session for the user.',
      'That code has expired. Send a new one.',
    ],
    [
      'a session Cognito will not take twice',
      'NotAuthorizedException',
      'Invalid session for the user, session can only be used once.',
      'That code has expired. Send a new one.',
    ],
    [
      'too many requests',
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
      'Too many attempts. Wait a moment and try again.',
    ],
  ])('%s (%s: %s) reads "%s"', async (_, name, message, words) => {
    // Arrange
    vi.mocked(signIn).mockResolvedValue({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' },
    } as never);
    vi.mocked(confirmSignIn).mockRejectedValue(cognitoError(name, message));
    const auth = createAmplifyAuth(CONFIG);
    const challenge = await auth.sendCode('ada@example.com');

    // Act
    const failure = await auth.confirmCode(challenge, '12345678').catch((error: unknown) => error);

    // Assert
    expect(authErrorMessage(failure)).toBe(words);
  });

  it('still refuses a wrong staff password as a wrong username or password', async () => {
    // Arrange
    vi.mocked(signIn).mockRejectedValue(
      cognitoError('NotAuthorizedException', 'Incorrect username or password.'),
    );
    const auth = createAmplifyAuth(CONFIG);

    // Act
    const failure = await auth.signInWithPassword('barista', 'wrong').catch((error: unknown) => error);

    // Assert
    expect(authErrorMessage(failure)).toBe('That username or password is not right.');
  });
});

describe('createAmplifyAuth: the ID token', () => {
  it('is undefined when signed out, and a failed refresh rejects rather than passing for signed out', async () => {
    const auth = createAmplifyAuth(CONFIG);
    vi.mocked(fetchAuthSession).mockResolvedValueOnce({} as never);
    vi.mocked(fetchAuthSession).mockRejectedValueOnce(
      cognitoError('NetworkError', 'A network error has occurred.'),
    );

    expect(await auth.idToken()).toBeUndefined();
    await expect(auth.idToken()).rejects.toMatchObject({ name: 'NetworkError' });
  });
});

describe('createAmplifyAuth: another tab of the app', () => {
  it('tells the listeners when another tab signs out, and stops when asked', async () => {
    // Arrange
    const auth = createAmplifyAuth(CONFIG);
    const listener = vi.fn();
    const stop = auth.onChange(listener);
    // What another tab's sign-out does to the localStorage the tabs share, as this tab hears it.
    const signOutElsewhere = () =>
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: `CognitoIdentityServiceProvider.${CONFIG.auth.userPoolClientId}.ada.refreshToken`,
          oldValue: 'a-refresh-token',
          newValue: null,
          storageArea: localStorage,
        }),
      );

    // Act
    signOutElsewhere();

    // Assert
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    stop();
    signOutElsewhere();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
