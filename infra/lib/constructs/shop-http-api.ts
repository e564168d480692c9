import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import { ALARM_PERIOD, type Monitoring } from './monitoring.js';

/** A route of the backend's `Api` table, as far as the gateway cares: method, path, and who may call it. */
export interface ApiRoute {
  method: string;
  /** With `{name}` path parameters, which HTTP API route keys use too. */
  path: string;
  /** DESIGN's "who": `anyone` includes anonymous callers. */
  access: readonly string[];
}

/** Props of {@link ShopHttpApi}. */
export interface ShopHttpApiProps {
  /** The function answering every route (the declaration's `httpApi.function`). */
  handler: lambda.IFunction;
  /** The backend's route table (`Api` of `@coffee/backend/contracts`). */
  routes: Readonly<Record<string, ApiRoute>>;
  userPool: cognito.IUserPool;
  /** The app client whose ID tokens are accepted (their `aud`). */
  client: cognito.IUserPoolClient;
  monitoring: Monitoring;
}

/** Steady requests per second and burst the API accepts; far above a coffee bar's, well below a runaway client's. */
const THROTTLE = { rateLimit: 200, burstLimit: 400 };

/** HTTP API access log fields (a REST API's standard fields are not all valid here). */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latency: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

/**
 * The HTTP API (payload format 2.0) in front of the API function, which sees the whole `/api/...`
 * path and answers every route itself. Each route of the backend's table becomes a gateway route:
 * those DESIGN opens to anyone (`GET /api/shops/{shopId}/config`) without an authorizer, every
 * other one — and the `$default` catch-all, so a route missing from the table stays closed —
 * behind a Cognito JWT authorizer accepting the app client's tokens. The function verifies the
 * token again and checks roles, so the gateway is a first gate, not the only one. Access is logged;
 * 5xx answers raise an alarm.
 */
export class ShopHttpApi extends Construct {
  /** The deployed API. */
  readonly httpApi: apigwv2.HttpApi;
  /** `<api-id>.execute-api.<region>.amazonaws.com`, for CloudFront. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: ShopHttpApiProps) {
    super(scope, id);
    const integration = new HttpLambdaIntegration('Handler', props.handler);
    const authorizer = new HttpUserPoolAuthorizer('UserPool', props.userPool, {
      userPoolClients: [props.client],
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi = new apigwv2.HttpApi(this, 'Gateway', {
      description: 'Coffee shop HTTP API (every route answered by the api function)',
      createDefaultStage: false,
      defaultIntegration: integration,
      defaultAuthorizer: authorizer,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigateway.AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });
    for (const [name, route] of Object.entries(props.routes)) {
      const open = route.access.includes('anyone');
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method as apigwv2.HttpMethod],
        integration,
        authorizer: open ? new apigwv2.HttpNoneAuthorizer() : authorizer,
      });
      if (open && created) {
        acknowledge(created, {
          id: 'AwsSolutions-APIG4',
          reason: `Route ${name} (${route.method} ${route.path}) is open to anonymous callers by DESIGN ("HTTP API", "Roles").`,
        });
      }
    }
    this.domainName = `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
    props.monitoring.alarm(this, 'ServerErrors', {
      metric: this.httpApi.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }),
      description: 'The HTTP API answered 5xx: a fault of the backend (DESIGN reserves 5xx for real faults).',
    });
  }
}
