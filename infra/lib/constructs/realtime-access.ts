import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as iot from 'aws-cdk-lib/aws-iot';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { IotPolicyDeclaration } from '../declaration.js';
import { acknowledge, acknowledgeWildcards } from '../nag.js';

/** Props of {@link RealtimeAccess}. */
export interface RealtimeAccessProps {
  /** The declared policies: who may subscribe and publish to which topic filters. */
  policies: IotPolicyDeclaration[];
  userPool: cognito.IUserPool;
  /** The app client the apps sign in with. */
  client: cognito.IUserPoolClient;
  /** The pool's groups by name, to give each group's members its role. */
  groups: ReadonlyMap<string, cognito.CfnUserPoolGroup>;
}

/** The declaration's policy variable for the signed-in user's id (`sub` of the ID token). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IoT policy variable, not a template.
const DECLARED_SUB_VARIABLE = '${sub}';
/** The session tag the identity pool copies the ID token's `sub` into. */
export const USER_ID_TAG = 'userId';
/** The IAM policy variable standing for the signed-in user's id, from {@link USER_ID_TAG}. */
export const USER_ID_POLICY_VARIABLE = `\${aws:PrincipalTag/${USER_ID_TAG}}`;

/** Who a role is for: anonymous visitors, signed-in users, or members of a group. */
type Audience = { kind: 'anonymous' } | { kind: 'authenticated' } | { kind: 'group'; group: string };

/**
 * Who may receive what over MQTT on AWS, from the declared policies (DESIGN "MQTT topics"). The
 * apps get AWS credentials from a Cognito identity pool — anonymous visitors an unauthenticated
 * identity, signed-in users one from their ID token — and connect to IoT Core over WSS signed
 * with them (Amplify's IoT PubSub).
 *
 * IoT Core authorizes such a client by its IAM role; a signed-in (authenticated) identity also
 * needs an IoT policy attached, and gets the intersection of both. So:
 * - each audience gets an IAM role holding exactly its declared policies plus those of broader
 *   audiences (a barista is signed in, and anyone may read the config topics): the
 *   unauthenticated role, the authenticated role, and one role per group, chosen through the ID
 *   token's `cognito:preferred_role` (the group's role);
 * - the declaration's `${sub}` becomes the IAM policy variable `${aws:PrincipalTag/userId}`: the
 *   identity pool copies the ID token's `sub` into that session tag, so a customer's role only
 *   matches `users/<their own sub>/orders`. (IoT policies' own Cognito variable is the identity
 *   id, not the user pool's `sub` that the backend publishes under, hence the session tag.)
 * - one IoT policy for signed-in identities allows every declared filter with any user id; the
 *   role narrows it. It has to be attached to each identity once (IoT `AttachPolicy`), which is
 *   not wired yet: see infra/README.md.
 */
export class RealtimeAccess extends Construct {
  /** The identity pool giving the apps AWS credentials for IoT. */
  readonly identityPool: cognito.CfnIdentityPool;
  /** The IoT policy to attach to signed-in identities. */
  readonly signedInPolicy: iot.CfnPolicy;
  /** The account's IoT data endpoint (`<prefix>-ats.iot.<region>.amazonaws.com`), looked up at deploy time. */
  readonly dataEndpoint: string;
  /** The roles by audience: `anonymous`, `authenticated`, `group:<name>`. */
  readonly roles = new Map<string, iam.Role>();
  /** The topic ARNs the declared policies name, for the functions that publish to them. */
  readonly topicArns: string[];

  constructor(scope: Construct, id: string, props: RealtimeAccessProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const providerName = props.userPool.userPoolProviderName;
    this.identityPool = new cognito.CfnIdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: true,
      cognitoIdentityProviders: [
        { clientId: props.client.userPoolClientId, providerName, serverSideTokenCheck: true },
      ],
    });
    new cognito.CfnIdentityPoolPrincipalTag(this, 'UserIdTag', {
      identityPoolId: this.identityPool.ref,
      identityProviderName: providerName,
      principalTags: { [USER_ID_TAG]: 'sub' },
      useDefaults: false,
    });
    const iotArn = (resource: string, name: string) =>
      stack.formatArn({
        service: 'iot',
        resource,
        resourceName: name,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    const audiences: Audience[] = [
      { kind: 'anonymous' },
      { kind: 'authenticated' },
      ...[...props.groups.keys()].map((group) => ({ kind: 'group' as const, group })),
    ];
    for (const audience of audiences) {
      const amr = audience.kind === 'anonymous' ? 'unauthenticated' : 'authenticated';
      const role = new iam.Role(this, `${audienceKey(audience).replace(':', '-')}Role`, {
        description: `Coffee shop: MQTT access of ${audienceKey(audience)} clients`,
        assumedBy: new iam.FederatedPrincipal(
          'cognito-identity.amazonaws.com',
          {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': this.identityPool.ref },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
          },
          'sts:AssumeRoleWithWebIdentity',
        ).withSessionTags(),
      });
      role.addToPolicy(
        new iam.PolicyStatement({ actions: ['iot:Connect'], resources: [iotArn('client', '*')] }),
      );
      const applicable = props.policies.filter((policy) => appliesTo(policy, audience));
      const subscribe = applicable.flatMap((policy) => policy.subscribe ?? []).map(toIamTopic);
      const publish = applicable.flatMap((policy) => policy.publish ?? []).map(toIamTopic);
      if (subscribe.length > 0) {
        role.addToPolicy(
          new iam.PolicyStatement({
            actions: ['iot:Subscribe'],
            resources: subscribe.map((filter) => iotArn('topicfilter', filter)),
          }),
        );
        role.addToPolicy(
          new iam.PolicyStatement({
            actions: ['iot:Receive'],
            resources: subscribe.map((filter) => iotArn('topic', filter)),
          }),
        );
      }
      if (publish.length > 0) {
        role.addToPolicy(
          new iam.PolicyStatement({
            actions: ['iot:Publish'],
            resources: publish.map((topic) => iotArn('topic', topic)),
          }),
        );
      }
      if (audience.kind === 'group') {
        const group = props.groups.get(audience.group);
        if (group) group.roleArn = role.roleArn;
      }
      acknowledgeWildcards(
        role,
        'MQTT client ids are random per browser tab (client/*) and a topic filter names every shop (shops/*/...), ' +
          'which DESIGN lets these clients read; a user’s own topic is pinned by the userId session tag.',
        ({ resource = '' }) => /:iot:.*:(client|topic|topicfilter)\//.test(resource),
      );
      this.roles.set(audienceKey(audience), role);
    }
    new cognito.CfnIdentityPoolRoleAttachment(this, 'Roles', {
      identityPoolId: this.identityPool.ref,
      roles: {
        authenticated: this.roles.get('authenticated')?.roleArn,
        unauthenticated: this.roles.get('anonymous')?.roleArn,
      },
      roleMappings: {
        userPool: {
          identityProvider: `${providerName}:${props.client.userPoolClientId}`,
          // A group's role comes as the ID token's cognito:preferred_role; others get the authenticated role.
          type: 'Token',
          ambiguousRoleResolution: 'AuthenticatedRole',
        },
      },
    });
    const everyFilter = [
      ...new Set(props.policies.flatMap((policy) => policy.subscribe ?? []).map(toIotPolicyTopic)),
    ];
    const everyPublish = [
      ...new Set(props.policies.flatMap((policy) => policy.publish ?? []).map(toIotPolicyTopic)),
    ];
    this.signedInPolicy = new iot.CfnPolicy(this, 'SignedInPolicy', {
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iot:Connect', Resource: iotArn('client', '*') },
          ...(everyFilter.length > 0
            ? [
                {
                  Effect: 'Allow',
                  Action: 'iot:Subscribe',
                  Resource: everyFilter.map((filter) => iotArn('topicfilter', filter)),
                },
                {
                  Effect: 'Allow',
                  Action: 'iot:Receive',
                  Resource: everyFilter.map((filter) => iotArn('topic', filter)),
                },
              ]
            : []),
          ...(everyPublish.length > 0
            ? [
                {
                  Effect: 'Allow',
                  Action: 'iot:Publish',
                  Resource: everyPublish.map((topic) => iotArn('topic', topic)),
                },
              ]
            : []),
        ],
      },
    });
    this.topicArns = [
      ...new Set(
        props.policies.flatMap((policy) => [...(policy.subscribe ?? []), ...(policy.publish ?? [])]),
      ),
    ].map((filter) => iotArn('topic', toIotPolicyTopic(filter)));
    const endpoint = new cr.AwsCustomResource(this, 'DataEndpoint', {
      onUpdate: {
        service: 'Iot',
        action: 'describeEndpoint',
        parameters: { endpointType: 'iot:Data-ATS' },
        physicalResourceId: cr.PhysicalResourceId.of('iot-data-ats-endpoint'),
      },
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        // DescribeEndpoint has no resource to name.
        new iam.PolicyStatement({ actions: ['iot:DescribeEndpoint'], resources: ['*'] }),
      ]),
      installLatestAwsSdk: false,
    });
    this.dataEndpoint = endpoint.getResponseField('endpointAddress');
    acknowledge(this.identityPool, {
      id: 'AwsSolutions-COG7',
      reason:
        'DESIGN lets anonymous visitors read the shop config topics; the unauthenticated role allows only that.',
    });
    acknowledgeWildcards(
      endpoint,
      'iot:DescribeEndpoint has no resource-level permission; AWS requires "*".',
      ({ resource }) => resource === '*',
    );
  }
}

function audienceKey(audience: Audience): string {
  return audience.kind === 'group' ? `group:${audience.group}` : audience.kind;
}

/** Whether a declared policy applies to an audience: anonymous ones to all, authenticated ones to every signed-in audience. */
function appliesTo(policy: IotPolicyDeclaration, audience: Audience): boolean {
  if (policy.principal === 'anonymous') return true;
  if (policy.principal === 'authenticated') return audience.kind !== 'anonymous';
  return audience.kind === 'group' && audience.group === policy.principal.group;
}

/** A declared MQTT filter as an IAM resource name: wildcards become `*`, `${sub}` the user-id session tag. */
export function toIamTopic(filter: string): string {
  return wildcards(filter).replaceAll(DECLARED_SUB_VARIABLE, USER_ID_POLICY_VARIABLE);
}

/** A declared MQTT filter for the signed-in IoT policy: any user id (the IAM role narrows it to the caller's). */
export function toIotPolicyTopic(filter: string): string {
  return wildcards(filter).replaceAll(DECLARED_SUB_VARIABLE, '*');
}

function wildcards(filter: string): string {
  return filter
    .split('/')
    .map((level) => (level === '+' || level === '#' ? '*' : level))
    .join('/');
}
