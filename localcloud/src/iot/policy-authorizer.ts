import type { MqttAuthorizer } from './mqtt-authorizer.js';

/**
 * What one kind of client may do over MQTT, as an IoT policy says it: `anonymous` applies to
 * every client, `authenticated` to every signed-in one, `{ group }` to members of a user pool
 * group. In topic filters and client ids, `${sub}` stands for the signed-in user's id (a policy
 * variable).
 */
export interface IotPolicyDeclaration {
  principal: 'anonymous' | 'authenticated' | { group: string };
  /**
   * The client ids it may connect with (`iot:Connect`), `*` matching any run of characters: bound
   * to the user (`${sub}-*`), no one can take over another user's connection by connecting with
   * its id. When no policy of a declaration lists any, every client may use any id.
   */
  connect?: string[];
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
 * anonymous; its client id must be one an applicable policy lets it connect with (when the
 * policies restrict client ids at all); a subscription or publish is allowed when a filter of an
 * applicable policy covers it.
 */
export function policyAuthorizer(options: {
  policies: IotPolicyDeclaration[];
  verify: (token: string) => Promise<TokenPrincipal>;
}): MqttAuthorizer<TokenPrincipal> {
  /** The patterns the policies applying to `principal` declare for `action`, `${sub}` filled in. */
  const declared = (principal: TokenPrincipal | undefined, action: 'connect' | 'subscribe' | 'publish') =>
    options.policies
      .filter((policy) => applies(policy, principal))
      .flatMap((policy) => policy[action] ?? [])
      .flatMap((pattern) => {
        if (!pattern.includes(SUB_VARIABLE)) return [pattern];
        return principal ? [pattern.replaceAll(SUB_VARIABLE, principal.sub)] : [];
      });
  const allowed = (
    principal: TokenPrincipal | undefined,
    action: 'subscribe' | 'publish',
    requested: string,
  ) => declared(principal, action).some((filter) => filterCovers(filter, requested));
  const clientIdsRestricted = options.policies.some((policy) => policy.connect !== undefined);
  const mayConnectAs = (principal: TokenPrincipal | undefined, clientId: string) =>
    !clientIdsRestricted ||
    declared(principal, 'connect').some((pattern) => clientIdMatches(pattern, clientId));
  return {
    async authenticate({ token, clientId }) {
      const principal = token ? await options.verify(token).catch(() => false as const) : undefined;
      if (principal === false || !mayConnectAs(principal, clientId)) return false;
      return principal;
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

/**
 * Whether `clientId` is one the IoT policy resource name `pattern` admits: `*` matches any run of
 * characters (none included), everything else itself.
 */
export function clientIdMatches(pattern: string, clientId: string): boolean {
  const [first = '', ...rest] = pattern.split('*');
  if (rest.length === 0) return clientId === first;
  if (!clientId.startsWith(first)) return false;
  const last = rest.pop() as string;
  let at = first.length;
  for (const part of rest) {
    const found = clientId.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return clientId.length - last.length >= at && clientId.endsWith(last);
}
