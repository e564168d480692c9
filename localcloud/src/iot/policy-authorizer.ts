import type { MqttAuthorizer } from './mqtt-authorizer.js';

/**
 * What one kind of client may do over MQTT, as an IoT policy says it: `anonymous` applies to
 * every client, `authenticated` to every signed-in one, `{ group }` to members of a user pool
 * group. In topic filters, `${sub}` stands for the signed-in user's id (a policy variable).
 */
export interface IotPolicyDeclaration {
  principal: 'anonymous' | 'authenticated' | { group: string };
  subscribe?: string[];
  publish?: string[];
}

/** A signed-in MQTT client: the user's id and groups, from a verified token. */
export interface TokenPrincipal {
  sub: string;
  groups: string[];
  /** When the token expires: the connection made with it is closed then. */
  expiresAt?: Date;
}

/** The policy variable for the signed-in user's id. */
const SUB_VARIABLE = '${sub}';

/**
 * Authorizes MQTT clients by declared policies: a client with a `token` is who the token says
 * (a token that does not verify refuses the connection) until the token expires, one without is
 * anonymous; a
 * subscription or publish is allowed when a filter of an applicable policy covers it.
 */
export function policyAuthorizer(options: {
  policies: IotPolicyDeclaration[];
  verify: (token: string) => Promise<TokenPrincipal>;
}): MqttAuthorizer<TokenPrincipal> {
  const allowed = (
    principal: TokenPrincipal | undefined,
    action: 'subscribe' | 'publish',
    requested: string,
  ) =>
    options.policies
      .filter((policy) => applies(policy, principal))
      .flatMap((policy) => policy[action] ?? [])
      .some((filter) => {
        if (filter.includes(SUB_VARIABLE) && !principal) return false;
        return filterCovers(principal ? filter.replaceAll(SUB_VARIABLE, principal.sub) : filter, requested);
      });
  return {
    async authenticate({ token }) {
      if (!token) return undefined;
      return options.verify(token).catch(() => false as const);
    },
    authorizeSubscribe: (principal, filter) => allowed(principal, 'subscribe', filter),
    connectionEndsAt: (principal) => principal.expiresAt,
    authorizePublish: (principal, topic) => allowed(principal, 'publish', topic),
  };
}

function applies(policy: IotPolicyDeclaration, principal: TokenPrincipal | undefined): boolean {
  if (policy.principal === 'anonymous') return true;
  if (!principal) return false;
  return policy.principal === 'authenticated' || principal.groups.includes(policy.principal.group);
}

/**
 * Whether every topic `requested` (a filter or a topic name) can match is one `allowed` matches:
 * `shops/+/config` covers `shops/main/config` and itself, but not `shops/#`.
 */
export function filterCovers(allowed: string, requested: string): boolean {
  const allowedLevels = allowed.split('/');
  const requestedLevels = requested.split('/');
  for (const [index, level] of allowedLevels.entries()) {
    if (level === '#') return true;
    const asked = requestedLevels[index];
    if (asked === undefined || asked === '#') return false;
    if (level === '+') {
      if (asked === '') return false;
      continue;
    }
    if (asked === '+' || asked !== level) return false;
  }
  return allowedLevels.length === requestedLevels.length;
}
