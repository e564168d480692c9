import type { IotPolicyDeclaration } from '@coffee/localcloud';
import type { Principal } from '../contracts/roles.js';
import { SIGNED_IN_USER } from '../contracts/topics.js';

/** One statement of an IoT Core policy. */
export interface IotPolicyStatement {
  Effect: 'Allow';
  Action: IotAction;
  Resource: string[];
}

/** An IoT Core policy document, as a custom authorizer answers it. */
export interface IotPolicyDocument {
  Version: '2012-10-17';
  Statement: IotPolicyStatement[];
}

/** The IoT Core actions an MQTT client's policy can grant. */
export type IotAction = 'iot:Connect' | 'iot:Subscribe' | 'iot:Receive' | 'iot:Publish';

/** Where the policy's resources are: the partition, region and account of the IoT Core endpoint. */
export interface IotResourceScope {
  partition: string;
  region: string;
  accountId: string;
}

/** The policy language version IoT Core expects. */
const POLICY_VERSION = '2012-10-17';

/**
 * The declared policies that apply to a client (the rule the local broker applies too): the
 * `anonymous` ones to everybody, the `authenticated` ones to every signed-in client, a
 * `{ group }` one to the members of that group.
 */
export function applicablePolicies(
  policies: readonly IotPolicyDeclaration[],
  principal: Principal | undefined,
): IotPolicyDeclaration[] {
  return policies.filter((policy) => {
    if (policy.principal === 'anonymous') return true;
    if (!principal) return false;
    return policy.principal === 'authenticated' || principal.groups.includes(policy.principal.group);
  });
}

/**
 * A declared pattern (a client id or a topic filter) with `${sub}` as the signed-in user's id;
 * `undefined` for a pattern naming `${sub}` when there is no signed-in user. A client id pattern
 * is then the name part of its IoT policy resource as it is (`*` is IoT's wildcard already).
 */
export function forSignedInUser(pattern: string, sub: string | undefined): string | undefined {
  if (!pattern.includes(SIGNED_IN_USER)) return pattern;
  return sub === undefined ? undefined : pattern.replaceAll(SIGNED_IN_USER, sub);
}

/**
 * A declared MQTT topic filter as the name part of an IoT policy resource: `${sub}` becomes the
 * signed-in user's id, and each wildcard level (`+`, `#`) becomes `*`. IoT policies read MQTT
 * wildcards in a resource literally (`shops/+/config` would allow subscribing to that filter
 * only, never to `shops/main/config`); their own wildcard is `*`. That `*` also spans levels
 * (the config filter's resource admits `shops/a/b/config`, where nothing is ever published): the
 * one place AWS allows slightly more than the local broker. Answers `undefined` for a filter naming
 * `${sub}` when there is no signed-in user.
 */
export function policyResourceName(filter: string, sub: string | undefined): string | undefined {
  return forSignedInUser(filter, sub)
    ?.split('/')
    .map((level) => (level === '+' || level === '#' ? '*' : level))
    .join('/');
}

/**
 * The IoT Core policy of one MQTT client (DESIGN "MQTT topics"), from the declared policies that
 * apply to it: connect with the declared client ids (`client/...`; any, when the declaration
 * restricts none), subscribe to the declared filters (`topicfilter/...`) and receive the messages
 * of the topics they match (`topic/...`), publish only to declared `publish` topics (the shop's
 * declare none: clients publish nothing). `${sub}` is the verified user's id, which the caller has
 * checked is a plain identifier (no `*`, `/`, `+` or `#` to widen a resource).
 */
export function iotPolicyDocument(
  policies: readonly IotPolicyDeclaration[],
  principal: Principal | undefined,
  scope: IotResourceScope,
): IotPolicyDocument {
  const applicable = applicablePolicies(policies, principal);
  const resourceNames = (
    action: 'connect' | 'subscribe' | 'publish',
    toName: (pattern: string, sub: string | undefined) => string | undefined,
  ) => [
    ...new Set(
      applicable
        .flatMap((policy) => policy[action] ?? [])
        .flatMap((pattern) => toName(pattern, principal?.sub) ?? []),
    ),
  ];
  const clientIdsRestricted = policies.some((policy) => policy.connect !== undefined);
  const clients = clientIdsRestricted ? resourceNames('connect', forSignedInUser) : ['*'];
  const arn = (resource: 'client' | 'topic' | 'topicfilter', name: string) =>
    `arn:${scope.partition}:iot:${scope.region}:${scope.accountId}:${resource}/${name}`;
  const subscribe = resourceNames('subscribe', policyResourceName);
  const publish = resourceNames('publish', policyResourceName);
  const statement = (Action: IotAction, Resource: string[]): IotPolicyStatement[] =>
    Resource.length > 0 ? [{ Effect: 'Allow', Action, Resource }] : [];
  return {
    Version: POLICY_VERSION,
    Statement: [
      ...statement(
        'iot:Connect',
        clients.map((name) => arn('client', name)),
      ),
      ...statement(
        'iot:Subscribe',
        subscribe.map((name) => arn('topicfilter', name)),
      ),
      ...statement(
        'iot:Receive',
        subscribe.map((name) => arn('topic', name)),
      ),
      ...statement(
        'iot:Publish',
        publish.map((name) => arn('topic', name)),
      ),
    ],
  };
}
