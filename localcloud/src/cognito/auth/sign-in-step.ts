import type { AuthenticationResult } from './issue-tokens.js';

/**
 * What InitiateAuth and RespondToAuthChallenge answer: either the tokens, or the next challenge
 * with its session (and, for `SELECT_CHALLENGE`, the choices).
 */
export interface SignInStep {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AvailableChallenges?: string[];
  AuthenticationResult?: AuthenticationResult;
}

/** The step that ends a sign-in with tokens. */
export function signedIn(result: AuthenticationResult): SignInStep {
  return { ChallengeParameters: {}, AuthenticationResult: result };
}
