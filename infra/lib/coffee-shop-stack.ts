import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { DeclaredEventBuses } from './constructs/declared-event-buses.js';
import {
  DeclaredFunctions,
  IOT_ENDPOINT_VARIABLE,
  type IotPublishing,
} from './constructs/declared-functions.js';
import { DeclaredRules } from './constructs/declared-rules.js';
import { DeclaredStateMachines } from './constructs/declared-state-machine.js';
import { DeclaredTables } from './constructs/declared-tables.js';
import { IotDataEndpoint } from './constructs/iot-data-endpoint.js';
import { Monitoring } from './constructs/monitoring.js';
import { RealtimeAccess } from './constructs/realtime-access.js';
import { type ApiRoute, ShopHttpApi } from './constructs/shop-http-api.js';
import { ShopUserPool } from './constructs/shop-user-pool.js';
import { type WebApp, WebApps } from './constructs/web-apps.js';
import type { DeclarationSource, ResourceDeclaration } from './declaration.js';
import { acknowledge, acknowledgeWildcards } from './nag.js';
import { ResourceRegistry } from './resource-registry.js';

/** Props of {@link CoffeeShopStack}. */
export interface CoffeeShopStackProps extends StackProps {
  /** The backend's resource declaration and its folder: everything the backend runs on. */
  source: DeclarationSource;
  /** The backend's route table (`Api`), for the gateway's routes and which of them need a token. */
  routes: Readonly<Record<string, ApiRoute>>;
  /** The apps to serve and where their bundles are. */
  apps: WebApp[];
  /** Whether tables and the user pool survive `cdk destroy` (true by default: orders and accounts are data). */
  retainData?: boolean;
  /** An address to mail alarms to. */
  alarmEmail?: string;
  /** A verified SES address for sign-in codes (see {@link ShopUserPool}). */
  sesFromEmail?: string;
  /** The region of the SES identity, when not the stack's. */
  sesRegion?: string;
  /** The SES-verified domain `sesFromEmail` is of, when SES verified the domain, not the address. */
  sesVerifiedDomain?: string;
  /**
   * Functions that publish to MQTT topics: they get `IOT_DATA_ENDPOINT` and `iot:Publish` on the
   * declared topics. The declaration cannot say so yet; a function declaring `IOT_DATA_ENDPOINT`
   * in its environment counts too. `['publisher']` by default.
   */
  iotPublishers?: string[];
  /** Where the functions' declared `settings` are read from: the deployer's environment. */
  settingsSource: Readonly<Record<string, string | undefined>>;
}

/**
 * The coffee shop on AWS, built from the backend's resource declaration: every declared table,
 * bus, user pool, function, state machine and rule, the HTTP API in front of the API function,
 * MQTT access for the apps, the apps themselves behind CloudFront, and alarms.
 */
export class CoffeeShopStack extends Stack {
  /** The deployed resources by declared name (tables, buses, functions, pools, machine names). */
  readonly registry: ResourceRegistry;
  /** The apps and their distribution. */
  readonly web: WebApps;

  constructor(scope: Construct, id: string, props: CoffeeShopStackProps) {
    super(scope, id, props);
    const { declaration, baseDir } = props.source;
    const retainData = props.retainData ?? true;
    const registry = new ResourceRegistry(this);
    this.registry = registry;
    registry.nameStateMachines(Object.keys(declaration.stateMachines ?? {}), this.stackName);

    const monitoring = new Monitoring(this, 'Monitoring', { alarmEmail: props.alarmEmail });

    new DeclaredTables(this, 'Tables', { tables: declaration.tables ?? {}, retainData, registry });
    new DeclaredEventBuses(this, 'EventBuses', { names: declaration.eventBuses ?? [], registry });
    for (const [name, pool] of Object.entries(declaration.userPools ?? {})) {
      new ShopUserPool(this, `UserPool${name}`, {
        name,
        declaration: pool,
        retainData,
        registry,
        sesFromEmail: props.sesFromEmail,
        sesRegion: props.sesRegion,
        sesVerifiedDomain: props.sesVerifiedDomain,
      });
    }
    const signIn = appClientOf(declaration, registry);

    const iotEndpoint = declaration.iot
      ? new IotDataEndpoint(this, 'IotEndpoint', { policies: declaration.iot.policies })
      : undefined;

    const functions = new DeclaredFunctions(this, 'Functions', {
      functions: declaration.functions ?? {},
      baseDir,
      registry,
      settingsSource: props.settingsSource,
      ...(iotEndpoint && { iot: iotPublishing(iotEndpoint, props.iotPublishers) }),
    });

    const realtime =
      declaration.iot && iotEndpoint
        ? new RealtimeAccess(this, 'Realtime', {
            ...authorizerOf(declaration.iot, functions.byName),
            dataEndpoint: iotEndpoint.address,
          })
        : undefined;

    const stateMachines = new DeclaredStateMachines(this, 'StateMachines', {
      stateMachines: declaration.stateMachines ?? {},
      baseDir,
      registry,
      monitoring,
    });

    new DeclaredRules(this, 'Rules', {
      rules: declaration.rules ?? {},
      eventBuses: registry.eventBuses,
      functions: functions.byName,
      stateMachines: stateMachines.byName,
      monitoring,
    });

    const api = declaration.httpApi
      ? new ShopHttpApi(this, 'HttpApi', {
          handler: requiredFunction(functions.byName, declaration.httpApi.function),
          routes: props.routes,
          ...signIn,
          monitoring,
        })
      : undefined;

    this.web = new WebApps(this, 'Web', {
      apps: props.apps,
      apiDomainName: api?.domainName,
      runtimeConfig: (siteUrl) => runtimeConfig(this.region, siteUrl, signIn, realtime),
    });

    new CfnOutput(this, 'SiteUrl', {
      value: this.web.url,
      description: 'The shop: /order, /barista, /display',
    });
    new CfnOutput(this, 'UserPoolId', { value: signIn.userPool.userPoolId });
    new CfnOutput(this, 'AlarmTopicArn', { value: monitoring.topic.topicArn });
    if (api) new CfnOutput(this, 'HttpApiUrl', { value: `https://${api.domainName}` });
    if (iotEndpoint) new CfnOutput(this, 'IotDataEndpoint', { value: iotEndpoint.address });
    if (realtime) new CfnOutput(this, 'IotAuthorizerName', { value: realtime.authorizerName });
    acknowledgeCdkInternals(this);
  }
}

/**
 * What the apps read at `/config.json` on AWS: the shape the local cloud serves (`region`,
 * `apiUrl`, `mqttUrl`, `auth`). `mqttUrl` is IoT Core's WebSocket endpoint naming the custom
 * authorizer; the apps add their ID token as the `token` parameter, exactly as locally.
 */
function runtimeConfig(
  region: string,
  siteUrl: string,
  signIn: { userPool: cognito.IUserPool; client: cognito.IUserPoolClient },
  realtime: RealtimeAccess | undefined,
): Record<string, unknown> {
  return {
    region,
    apiUrl: `${siteUrl}/api`,
    ...(realtime && { mqttUrl: realtime.mqttUrl }),
    auth: {
      userPoolId: signIn.userPool.userPoolId,
      userPoolClientId: signIn.client.userPoolClientId,
    },
  };
}

/**
 * The declared IoT authorizer: its function and token key. Without one, browsers could not
 * connect to IoT Core at all (they hold no AWS credentials), so synthesis refuses.
 */
function authorizerOf(
  iot: NonNullable<ResourceDeclaration['iot']>,
  functions: ReadonlyMap<string, lambda.IFunction>,
): { authorizerFunction: lambda.IFunction; tokenKey: string } {
  if (!iot.authorizer)
    throw new Error(
      'The declaration has IoT policies but no iot.authorizer: IoT Core needs a custom authorizer function for the apps to connect',
    );
  const authorizerFunction = functions.get(iot.authorizer.function);
  if (!authorizerFunction)
    throw new Error(
      `iot.authorizer names function '${iot.authorizer.function}', which the declaration does not declare`,
    );
  return { authorizerFunction, tokenKey: iot.authorizer.tokenKey };
}

/** Which functions publish to MQTT topics (see {@link CoffeeShopStackProps.iotPublishers}) and how. */
function iotPublishing(endpoint: IotDataEndpoint, names: string[] = ['publisher']): IotPublishing {
  const publishers = new Set(names);
  return {
    endpoint: `https://${endpoint.address}`,
    topicArns: endpoint.topicArns,
    isPublisher: (name, fn) => publishers.has(name) || IOT_ENDPOINT_VARIABLE in (fn.environment ?? {}),
  };
}

/**
 * The app client the apps sign in with: the one the API function is told to accept
 * (`USER_POOL_CLIENT_ID`-like reference), else the first declared.
 */
function appClientOf(
  declaration: ResourceDeclaration,
  registry: ResourceRegistry,
): { userPool: cognito.IUserPool; client: cognito.IUserPoolClient } {
  const apiFunction = declaration.httpApi ? declaration.functions?.[declaration.httpApi.function] : undefined;
  const ref = Object.values(apiFunction?.environment ?? {}).find(
    (value): value is { userPoolClient: string; userPool: string } =>
      typeof value === 'object' && 'userPoolClient' in value,
  );
  const key = ref ? `${ref.userPool}/${ref.userPoolClient}` : [...registry.userPoolClients.keys()][0];
  const client = key ? registry.userPoolClients.get(key) : undefined;
  const userPool = key ? registry.userPools.get(key.split('/')[0] as string) : undefined;
  if (!client || !userPool)
    throw new Error('The declaration has no user pool app client for the apps to sign in with');
  return { userPool, client };
}

function requiredFunction<T>(functions: ReadonlyMap<string, T>, name: string): T {
  const fn = functions.get(name);
  if (!fn) throw new Error(`httpApi names function '${name}', which the declaration does not declare`);
  return fn;
}

/**
 * The cdk-nag findings on the functions CDK itself adds (the custom resources that deploy the
 * apps to S3, empty buckets on teardown, look up the IoT endpoint), which the stack cannot shape:
 * accepted on those functions only, found by their CDK-given construct ids.
 */
function acknowledgeCdkInternals(stack: Stack): void {
  const cdkProvided = stack.node.children.filter((child) =>
    CDK_PROVIDED_IDS.some((pattern) => pattern.test(child.node.id)),
  );
  for (const construct of cdkProvided) {
    acknowledge(
      construct,
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'CDK’s own custom-resource function uses the basic execution role, which only writes its logs.',
      },
      { id: 'AwsSolutions-L1', reason: 'CDK pins the runtime of its own custom-resource functions.' },
    );
    acknowledgeWildcards(
      construct,
      'CDK’s S3 deployment function copies the built apps into the site bucket and reads the staged assets: its grants (s3:GetObject*, bucket/*) are CDK’s.',
      () => true,
    );
  }
}

/** The construct ids of CDK's singleton custom-resource functions. */
const CDK_PROVIDED_IDS = [
  /^Custom::CDKBucketDeployment/,
  /^AWS679f53fac002430cb0da5b7982bd2287$/,
  /^Custom::S3AutoDeleteObjectsCustomResourceProvider$/,
];
