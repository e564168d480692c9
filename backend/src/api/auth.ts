import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { userPool } from '../aws/config.js';
import type { Access } from '../contracts/api.js';
import { type Principal, principalFromClaims, Role, rolesOf } from '../contracts/roles.js';
import { ForbiddenError, InternalError, UnauthenticatedError } from '../errors.js';

/**
 * A signed-in caller as the API sees it: the contracts' {@link Principal} (`sub`, `groups` from
 * `cognito:groups`), the `email` claim when the token has one, and `role`, the caller's main role
 * (barista over display over customer) for handlers that act on one.
 */
export interface ApiPrincipal extends Principal {
  email: string | undefined;
  role: Role;
}

/** Checks a bearer token, answering its principal or throwing an `UnauthenticatedError`. */
export type TokenVerifier = (token: string) => Promise<ApiPrincipal>;

/** Where the user pool's tokens come from and who they must be for. */
export interface TokenVerifierOptions {
  /** The `iss` every token must carry. */
  issuer: string;
  /** The app client: the `aud` of an ID token. */
  audience: string;
  /** The pool's JWKS; `<issuer>/.well-known/jwks.json` by default, as Cognito publishes it. */
  jwksUrl?: string;
}

/** The algorithm Cognito signs with; anything else (`none` included) is refused. */
const ALGORITHMS = ['RS256'];

/**
 * jose's codes for a token that is not acceptable: expired, badly signed, for another audience,
 * malformed, or signed with a key the pool does not have. Anything else — the JWKS unreachable,
 * slow or malformed — is the backend's fault, not the caller's.
 */
const BAD_TOKEN_CODES: ReadonlySet<string> = new Set([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

/**
 * A verifier of the user pool's ID tokens (backend/README "Auth"): an RS256 signature by a key of
 * the pool's JWKS (fetched once and cached by jose, fetched again for an unknown `kid`), the
 * pool's `iss`, `aud` = the app client, `token_use` = `id`, not expired. An access token is
 * refused: it has no `aud` and no `email`.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${options.issuer}/.well-known/jwks.json`));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat', 'token_use'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError && BAD_TOKEN_CODES.has(error.code)) {
        const message =
          error instanceof errors.JWTExpired
            ? 'Your sign-in has expired. Sign in again.'
            : 'Your sign-in is not valid. Sign in again.';
        throw new UnauthenticatedError(message, { cause: error });
      }
      throw new InternalError('The user pool’s signing keys could not be read.', { cause: error });
    }
    if (payload.token_use !== 'id')
      throw new UnauthenticatedError('Send the ID token of your sign-in, not another token.');
    return principalOf(payload);
  };
}

/** The principal of a verified ID token's claims. */
function principalOf(claims: JWTPayload): ApiPrincipal {
  const principal = principalFromClaims(claims);
  if (!principal) throw new UnauthenticatedError('Your sign-in is not valid. Sign in again.');
  const roles = rolesOf(principal);
  return {
    ...principal,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    role: roles[0] ?? Role.Customer,
  };
}

/** The token of an `Authorization: Bearer <token>` header, or `undefined` when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Whether a caller may call a route of the given access (DESIGN's "who" column): `anyone` lets
 * everybody in, `owner` lets customers in (whether the order is theirs is the handler's check,
 * answered with `not-found`), a role lets the callers holding it in.
 */
export function mayCall(principal: Principal | undefined, access: readonly Access[]): boolean {
  if (access.includes('anyone')) return true;
  const roles = rolesOf(principal);
  return access.some((who) => roles.includes(who === 'owner' ? Role.Customer : (who as Role)));
}

/**
 * The principal of a request to a route that needs a signed-in caller, in DESIGN's order: no or
 * a bad token → `unauthenticated` (401); a role the route does not admit → `forbidden` (403).
 */
export async function authorize(
  authorization: string | undefined,
  access: readonly Access[],
  verify: TokenVerifier,
): Promise<ApiPrincipal> {
  const token = bearerToken(authorization);
  if (!token) throw new UnauthenticatedError('Sign in to do this: send "Authorization: Bearer <ID token>".');
  const principal = await verify(token);
  if (!mayCall(principal, access)) throw new ForbiddenError(`A ${principal.role} may not do this.`);
  return principal;
}

let poolVerifier: TokenVerifier | undefined;

/**
 * The verifier of the user pool the environment names (`userPool` in `aws/config.ts`), made on
 * first use — the environment is read then — and shared by the HTTP API and the IoT authorizer, so
 * its JWKS is fetched once per process.
 */
export function userPoolVerifier(): TokenVerifier {
  poolVerifier ??= createTokenVerifier({
    issuer: userPool.issuer(),
    audience: userPool.clientId(),
    jwksUrl: userPool.jwksUrl(),
  });
  return poolVerifier;
}
