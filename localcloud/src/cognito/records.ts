import type { JWK } from 'jose';

/**
 * The records the user-pool service keeps in its store. Times are epoch milliseconds; attribute
 * values are strings, as the API carries them (`email_verified` is `"true"`).
 */

/** A user pool's password rules (PasswordPolicyType). */
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

/** The ways a user may first prove who they are in choice-based (`USER_AUTH`) sign-in. */
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** A pool's RS256 signing key, generated once and kept so tokens verify across restarts. */
export interface SigningKeyRecord {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** A message template with the `{####}` placeholder for a code. */
export interface MessageTemplate {
  subject: string;
  message: string;
}

/** A user pool. */
export interface UserPoolRecord {
  id: string;
  name: string;
  arn: string;
  createdAt: number;
  updatedAt: number;
  passwordPolicy: PasswordPolicy;
  allowedFirstAuthFactors: FirstAuthFactor[];
  /** Attributes that stand in for the username: the username becomes the user's `sub`. */
  usernameAttributes: string[];
  /** Attributes a user may also sign in with, once verified. */
  aliasAttributes: string[];
  /** Attributes verified by a code at sign-up. */
  autoVerifiedAttributes: string[];
  caseSensitive: boolean;
  verificationMessage: MessageTemplate;
  tier?: string;
  signingKey: SigningKeyRecord;
}

/** An app client of a user pool. */
export interface AppClientRecord {
  clientId: string;
  poolId: string;
  name: string;
  secret?: string;
  explicitAuthFlows: string[];
  /** Token lifetimes in seconds. */
  accessTokenSeconds: number;
  idTokenSeconds: number;
  refreshTokenSeconds: number;
  /** The validity fields as the caller gave them, echoed by DescribeUserPoolClient. */
  validityAsGiven: {
    AccessTokenValidity?: number;
    IdTokenValidity?: number;
    RefreshTokenValidity: number;
    TokenValidityUnits?: Record<string, string>;
  };
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  /** How long a sign-in session (and its one-time code) stays valid, in minutes. */
  authSessionValidityMinutes: number;
  enableTokenRevocation: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A user's account state (UserStatusType). */
export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

/** A one-time code waiting for its answer; only its hash is kept. */
export interface PendingCode {
  hash: string;
  expiresAt: number;
  /** Wrong answers so far. */
  attempts: number;
}

/** A user of a pool. */
export interface UserRecord {
  username: string;
  sub: string;
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  passwordHash?: string;
  /** The sign-up confirmation code, while the account is unconfirmed. */
  confirmation?: PendingCode;
  createdAt: number;
  updatedAt: number;
}

/** A group of a pool. */
export interface GroupRecord {
  name: string;
  poolId: string;
  description?: string;
  roleArn?: string;
  precedence?: number;
  createdAt: number;
  updatedAt: number;
}

/** The challenges a sign-in session can be waiting on, plus the sign-in a confirmed sign-up allows. */
export type SessionChallenge = 'SIGN_UP' | 'SELECT_CHALLENGE' | 'EMAIL_OTP' | 'NEW_PASSWORD_REQUIRED';

/** A sign-in in progress: the opaque `Session` string the client passes back. */
export interface AuthSessionRecord {
  id: string;
  poolId: string;
  clientId: string;
  username: string;
  challenge: SessionChallenge;
  /** The code sent for an `EMAIL_OTP` challenge. */
  code?: PendingCode;
  /** The choices offered with `SELECT_CHALLENGE`. */
  availableChallenges?: string[];
  expiresAt: number;
}

/**
 * One authentication and the tokens issued from it: its refresh token, and the `origin_jti` every
 * access and ID token from it carries. Deleting it revokes them all.
 */
export interface TokenSessionRecord {
  originJti: string;
  poolId: string;
  clientId: string;
  username: string;
  /** SHA-256 of the refresh token's secret part. */
  refreshHash: string;
  /** Epoch seconds of the authentication (`auth_time`). */
  authTime: number;
  eventId: string;
  expiresAt: number;
}
