import { principalFromClaims, type Role, rolesOf } from '@coffee/backend/contracts';

/** Who is signed in, as read from the ID token: what the apps need to show and to subscribe. */
export interface Identity {
  /** The user's id (`sub`): the `{userId}` of `users/{userId}/orders`. */
  userId: string;
  /** The sign-in name: `barista`, `display`, or a customer's email. */
  username: string;
  email?: string;
  /** The roles of DESIGN "Roles", from `cognito:groups` (a user in no staff group is a customer). */
  roles: Role[];
}

/** The {@link Identity} of an ID token's claims, or `undefined` without a usable `sub`. */
export function identityFromClaims(claims: Record<string, unknown>): Identity | undefined {
  const principal = principalFromClaims(claims);
  if (!principal) return undefined;
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const username =
    (typeof claims['cognito:username'] === 'string' ? claims['cognito:username'] : undefined) ??
    email ??
    principal.sub;
  return { userId: principal.sub, username, ...(email && { email }), roles: rolesOf(principal) };
}
