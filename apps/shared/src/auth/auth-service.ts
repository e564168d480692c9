import type { Identity } from './identity';

/**
 * A customer's sign-in in progress: a one-time code went to `email`. `kind` says whether the
 * account exists (`sign-in`), is being created on the way (`sign-up`, passwordless sign-up), or
 * was created earlier but never confirmed (`confirm-account`: after this code, one more is sent to
 * sign in).
 */
export interface CodeChallenge {
  email: string;
  kind: 'sign-in' | 'sign-up' | 'confirm-account';
  /** Where the code went, masked (`a***@e***.com`), when the pool says. */
  destination?: string;
}

/**
 * Sign-in for the apps (DESIGN "Signing in"): staff by username and password, customers by email
 * and a one-time code. The Amplify implementation is {@link createAmplifyAuth}; tests pass a fake.
 */
export interface AuthService {
  /** The signed-in user, or `undefined`. */
  current(): Promise<Identity | undefined>;
  /**
   * The current ID token (refreshed when needed): the API's bearer token and MQTT's `token`;
   * `undefined` when signed out. Rejects when it cannot be refreshed for now (offline).
   */
  idToken(): Promise<string | undefined>;
  /** Staff sign-in (USER_PASSWORD_AUTH). Throws an {@link AuthError} on a wrong password. */
  signInWithPassword(username: string, password: string): Promise<Identity>;
  /** Sends a one-time code to `email` (USER_AUTH with EMAIL_OTP), signing the customer up the first time. */
  sendCode(email: string): Promise<CodeChallenge>;
  /**
   * Completes {@link sendCode} with the code the customer received: the signed-in identity, or for
   * a `confirm-account` challenge the next challenge (a sign-in code, just sent).
   */
  confirmCode(challenge: CodeChallenge, code: string): Promise<Identity | CodeChallenge>;
  signOut(): Promise<void>;
  /**
   * Calls `listener` after every sign-in, sign-out or token refresh, in this tab or another tab of
   * the app (which shares the session); answers how to stop.
   */
  onChange(listener: () => void): () => void;
}

/**
 * Why a sign-in failed, in a few kinds the forms have words for. `code-expired` and
 * `too-many-wrong-codes` mean the sign-in session that sent the code is over (it expired, or
 * wrong codes used it up): no code, not even the right one, works any more; only a new code does
 * (see {@link needsNewCode}). `too-many-attempts` is the pool's rate limit: waiting helps.
 */
export type AuthErrorKind =
  | 'wrong-password'
  | 'wrong-code'
  | 'code-expired'
  | 'too-many-wrong-codes'
  | 'too-many-attempts'
  | 'invalid-email'
  | 'not-allowed'
  | 'unexpected';

/** A failed sign-in step; `cause` is the provider's error. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly kind: AuthErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Whether a {@link AuthService.confirmCode} answer is a further challenge rather than an identity. */
export function isCodeChallenge(value: Identity | CodeChallenge): value is CodeChallenge {
  return 'kind' in value;
}

/** The words the sign-in forms show for each {@link AuthErrorKind}. */
export const AUTH_ERROR_MESSAGES: Record<AuthErrorKind, string> = {
  'wrong-password': 'That username or password is not right.',
  'wrong-code': 'That code is not right. Check the latest email and try again.',
  'code-expired': 'That code has expired. Send a new one.',
  'too-many-wrong-codes': 'Too many wrong codes. Send a new one.',
  'too-many-attempts': 'Too many attempts. Wait a moment and try again.',
  'invalid-email': 'Please enter a valid email address.',
  'not-allowed': 'This account cannot use this app.',
  unexpected: 'Signing in did not work. Please try again.',
};

/** The message for a person of a sign-in failure. */
export function authErrorMessage(error: unknown): string {
  return error instanceof AuthError ? AUTH_ERROR_MESSAGES[error.kind] : AUTH_ERROR_MESSAGES.unexpected;
}

/** The kinds after which a customer's code step can only go on with a new code. */
const NEEDS_NEW_CODE: readonly AuthErrorKind[] = ['code-expired', 'too-many-wrong-codes'];

/**
 * Whether a failed {@link AuthService.confirmCode} ended the sign-in session, so that the form
 * should offer a new code rather than another try at this one.
 */
export function needsNewCode(error: unknown): boolean {
  return error instanceof AuthError && NEEDS_NEW_CODE.includes(error.kind);
}
