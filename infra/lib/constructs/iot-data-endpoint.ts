import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { IotPolicyDeclaration } from '../declaration.js';
import { acknowledgeWildcards } from '../nag.js';

/** Props of {@link IotDataEndpoint}. */
export interface IotDataEndpointProps {
  /** The declared policies: the topics they name are the ones publishers may publish to. */
  policies: IotPolicyDeclaration[];
}

/**
 * The account's IoT Core data endpoint (`<prefix>-ats.iot.<region>.amazonaws.com`), looked up at
 * deploy time (it is per account and region, and CloudFormation has no attribute for it), and the
 * ARNs of the topics the declared policies name: where and to what the backend's publishers
 * publish, and where the apps connect.
 */
export class IotDataEndpoint extends Construct {
  /** The ATS data endpoint's host name. */
  readonly address: string;
  /** The topic ARNs the declared policies name (wildcards as `*`), for the functions that publish to them. */
  readonly topicArns: string[];

  constructor(scope: Construct, id: string, props: IotDataEndpointProps) {
    super(scope, id);
    const stack = Stack.of(this);
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
    this.address = endpoint.getResponseField('endpointAddress');
    this.topicArns = [
      ...new Set(
        props.policies.flatMap((policy) => [...(policy.subscribe ?? []), ...(policy.publish ?? [])]),
      ),
    ].map((filter) =>
      stack.formatArn({
        service: 'iot',
        resource: 'topic',
        resourceName: toIotPolicyTopic(filter),
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    );
    acknowledgeWildcards(
      endpoint,
      'iot:DescribeEndpoint has no resource-level permission; AWS requires "*".',
      ({ resource }) => resource === '*',
    );
  }
}

/** The declaration's policy variable for the signed-in user's id (`sub` of the ID token). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IoT policy variable, not a template.
const DECLARED_SUB_VARIABLE = '${sub}';

/**
 * A declared MQTT filter as the name of an IoT policy resource covering every topic it can
 * match: wildcard levels (`+`, `#`) and the user-id variable become `*` (IoT policies read MQTT
 * wildcards literally). A publisher publishes to every user's topic, hence `*` for the user's id.
 */
export function toIotPolicyTopic(filter: string): string {
  return filter
    .split('/')
    .map((level) => (level === '+' || level === '#' ? '*' : level.replaceAll(DECLARED_SUB_VARIABLE, '*')))
    .join('/');
}
