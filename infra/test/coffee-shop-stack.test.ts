import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Api } from '@coffee/backend/contracts';
import { substitute } from '@coffee/localcloud';
import { App, type CfnElement, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoffeeShopApp } from '../lib/coffee-shop-app.js';
import type { CoffeeShopStack } from '../lib/coffee-shop-stack.js';
import type { DeclaredRules } from '../lib/constructs/declared-rules.js';
import type { IotDataEndpoint } from '../lib/constructs/iot-data-endpoint.js';
import type { RealtimeAccess } from '../lib/constructs/realtime-access.js';
import { type DeclarationSource, loadBackendDeclaration, type ValueRef } from '../lib/declaration.js';
import { ResourceRegistry } from '../lib/resource-registry.js';

type Resource = { Type: string; Properties: Record<string, unknown> };

let source: DeclarationSource;
let stack: CoffeeShopStack;
let template: Template;
const outdir = mkdtempSync(join(tmpdir(), 'coffee-infra-'));

beforeAll(async () => {
  source = await loadBackendDeclaration();
  const built = await createCoffeeShopApp({
    app: new App({
      outdir,
      context: { sesFromEmail: 'coffee@example.com' },
    }),
    source,
  });
  stack = built.stack;
  // Throws ValidationFailed on any cdk-nag (AwsSolutions) finding that is not acknowledged with a reason.
  const assembly = built.app.synth();
  template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const logicalId = (construct: Construct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const tableId = (name: string) => logicalId(stack.registry.tables.get(name) as unknown as Construct);
const functionId = (name: string) => logicalId(stack.registry.functions.get(name) as unknown as Construct);
const resources = (type: string) => Object.entries(template.findResources(type)) as Array<[string, Resource]>;

/** The statements of the IAM policies attached to a role, by the role's logical id. */
function statementsOfRole(roleId: string): Array<{ Action: string | string[]; Resource: unknown }> {
  return resources('AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: never[] }).Statement);
}

/** The declared tables an IAM statement list reaches, found by their logical ids. */
function tablesReached(statements: unknown): string[] {
  const text = JSON.stringify(statements);
  return Object.keys(source.declaration.tables ?? {}).filter((name) => text.includes(`"${tableId(name)}"`));
}

function tablesReferenced(refs: Record<string, ValueRef>): string[] {
  return Object.values(refs).flatMap((ref) => (typeof ref === 'object' && 'table' in ref ? [ref.table] : []));
}

describe('the coffee-shop stack', () => {
  it('synthesizes without an AWS account, with every cdk-nag AwsSolutions finding fixed or justified', () => {
    expect(Token.isUnresolved(stack.account)).toBe(true);
    expect(Token.isUnresolved(stack.region)).toBe(true);
    expect(resources('AWS::Lambda::Function').length).toBeGreaterThan(0);
  });

  it('deploys every declared table on demand, with point-in-time recovery, its keys, its indexes and its Time to Live', () => {
    for (const [name, table] of Object.entries(source.declaration.tables ?? {})) {
      const properties = template.toJSON().Resources[tableId(name)].Properties;
      expect(properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [
          { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
          ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' }] : []),
        ],
      });
      expect(properties.GlobalSecondaryIndexes ?? []).toEqual(
        (table.globalSecondaryIndexes ?? []).map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
          ],
          Projection: { ProjectionType: index.projection ?? 'ALL' },
        })),
      );
      expect(properties.TimeToLiveSpecification).toEqual(
        table.timeToLiveAttribute ? { AttributeName: table.timeToLiveAttribute, Enabled: true } : undefined,
      );
    }
  });

  describe.each(Object.keys(resourcesOf('stateMachines')))('state machine %s', (name) => {
    const machine = () => {
      const declared = source.declaration.stateMachines?.[name];
      if (!declared) throw new Error(name);
      const [[id, resource]] = resources('AWS::StepFunctions::StateMachine').filter(
        ([, candidate]) => candidate.Properties.StateMachineName === `${stack.stackName}-${name}`,
      ) as [[string, Resource]];
      return { declared, id, properties: resource.Properties };
    };

    it('is a Standard workflow whose definition is the ASL file itself, inlined with definition substitutions', () => {
      const { declared, properties } = machine();
      const file = readFileSync(resolve(source.baseDir, declared.definitionFile), 'utf8');
      expect(properties.StateMachineType).toBe('STANDARD');
      expect(properties.DefinitionString).toBe(file);
      const substitutions = properties.DefinitionSubstitutions as Record<string, unknown>;
      expect(Object.keys(substitutions).sort()).toEqual(Object.keys(declared.substitutions ?? {}).sort());
      for (const [key, ref] of Object.entries(declared.substitutions ?? {})) {
        if (typeof ref === 'string') expect(substitutions[key]).toBe(ref);
        else if ('table' in ref) expect(substitutions[key]).toEqual({ Ref: tableId(ref.table) });
        else expect(substitutions[key]).toEqual(stack.resolve(stack.registry.resolve(ref)));
      }
    });

    it('equals, after substitution, the definition the local engine runs', () => {
      const { declared, properties } = machine();
      // What CloudFormation substitutes: literals as they are, references as the deployed names (marked here).
      const marker = (value: unknown) =>
        typeof value === 'string' ? value : `deployed:${JSON.stringify(value).replace(/"/g, "'")}`;
      const deployed = substitute(
        properties.DefinitionString as string,
        Object.fromEntries(
          Object.entries(properties.DefinitionSubstitutions as object).map(([key, value]) => [
            key,
            marker(value),
          ]),
        ),
      );
      const registry = stack.registry;
      const local = substitute(
        readFileSync(resolve(source.baseDir, declared.definitionFile), 'utf8'),
        Object.fromEntries(
          Object.entries(declared.substitutions ?? {}).map(([key, ref]) => [
            key,
            marker(stack.resolve(registry.resolve(ref))),
          ]),
        ),
      );
      expect(JSON.parse(deployed)).toEqual(JSON.parse(local));
      expect(deployed).not.toMatch(/\$\{/);
    });

    it('logs every event and traces with X-Ray', () => {
      expect(machine().properties).toMatchObject({
        LoggingConfiguration: { Level: 'ALL' },
        TracingConfiguration: { Enabled: true },
      });
    });

    it('may touch only the tables and bus its definition names, with only the actions its Tasks do', () => {
      const { declared, properties } = machine();
      const roleId = (properties.RoleArn as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      const statements = statementsOfRole(roleId);
      const actions = statements.flatMap((statement) => [statement.Action].flat());
      expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual(
        [
          ...new Set(
            readFileSync(resolve(source.baseDir, declared.definitionFile), 'utf8').match(/dynamodb:\w+/g),
          ),
        ]
          .map(
            (action) => `dynamodb:${action.slice('dynamodb:'.length).replace(/^./, (c) => c.toUpperCase())}`,
          )
          .sort(),
      );
      expect(actions.every((action) => !action.endsWith(':*'))).toBe(true);
      expect(tablesReached(statements).sort()).toEqual(tablesReferenced(declared.substitutions ?? {}).sort());
      for (const statement of statements.filter((s) =>
        [s.Action].flat().some((a) => /^(dynamodb|events):/.test(a)),
      )) {
        expect(statement.Resource).not.toBe('*');
      }
    });
  });

  describe.each(Object.keys(resourcesOf('functions')))('function %s', (name) => {
    const declared = () => source.declaration.functions?.[name] ?? { entry: '', handler: '' };
    const properties = () => template.toJSON().Resources[functionId(name)].Properties;

    it('runs the bundled handler with its declared environment, references resolved', () => {
      expect(properties().Handler).toBe(`index.${declared().handler}`);
      const variables = properties().Environment?.Variables ?? {};
      for (const [key, ref] of Object.entries(declared().environment ?? {})) {
        expect(variables).toHaveProperty(key);
        if (typeof ref === 'object' && 'table' in ref)
          expect(variables[key]).toEqual({ Ref: tableId(ref.table) });
      }
    });

    it('runs the bundle of its own entry, not that of another function in the same folder', () => {
      const key = (code: unknown) => (code as { S3Key: string }).S3Key;
      const others = Object.entries(source.declaration.functions ?? {}).filter(
        ([other, declaration]) => other !== name && declaration.entry !== declared().entry,
      );
      for (const [other] of others)
        expect(key(properties().Code)).not.toBe(
          key(template.toJSON().Resources[functionId(other)].Properties.Code),
        );
      const bundle = readFileSync(
        join(outdir, `asset.${key(properties().Code).replace(/\.zip$/, '')}`, 'index.mjs'),
        'utf8',
      );
      expect(bundle).toMatch(new RegExp(`export\\s*\\{[^}]*\\bas ${declared().handler}\\b`));
    });

    it('may touch only the tables, bus and state machine its environment names', () => {
      const roleId = (properties().Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      const statements = statementsOfRole(roleId);
      const refs = declared().environment ?? {};
      const kinds = new Set(Object.values(refs).map((ref) => ResourceRegistry.kindOf(ref)));
      const actions = statements.flatMap((statement) => [statement.Action].flat());
      expect(tablesReached(statements).sort()).toEqual(tablesReferenced(refs).sort());
      expect(actions.includes('events:PutEvents')).toBe(kinds.has('eventBus'));
      expect(actions.includes('states:StartExecution')).toBe(kinds.has('stateMachine'));
      expect(actions.some((action) => action.endsWith(':*') || action === '*')).toBe(false);
    });
  });

  it('gives the functions that publish to MQTT iot:Publish on the declared topics only', () => {
    const publisher = source.declaration.functions?.publisher;
    if (!publisher) return;
    const properties = template.toJSON().Resources[functionId('publisher')].Properties;
    expect(properties.Environment.Variables).toHaveProperty('IOT_DATA_ENDPOINT');
    const statements = statementsOfRole(properties.Role['Fn::GetAtt'][0]);
    const publish = statements.filter((statement) => [statement.Action].flat().includes('iot:Publish'));
    expect(JSON.stringify(publish)).toMatch(/topic\/shops\/\*\/queue/);
    expect(JSON.stringify(publish)).toMatch(/topic\/users\/\*\/orders/);
    for (const other of Object.keys(source.declaration.functions ?? {}).filter(
      (name) => name !== 'publisher',
    )) {
      const role = template.toJSON().Resources[functionId(other)].Properties.Role['Fn::GetAtt'][0];
      expect(JSON.stringify(statementsOfRole(role))).not.toContain('iot:Publish');
    }
  });

  describe.each(Object.keys(resourcesOf('rules')))('rule %s', (name) => {
    it('matches its declared pattern on its bus, or fires on its schedule on the default bus, and delivers to each declared target, with a dead-letter queue', () => {
      const declared = source.declaration.rules?.[name];
      if (!declared) throw new Error(name);
      const deployedRule = (stack.node.findChild('Rules') as DeclaredRules).byName.get(name);
      if (!deployedRule) throw new Error(`No deployed rule '${name}'`);
      const rule = template.toJSON().Resources[logicalId(deployedRule)] as Resource;
      expect(rule.Type).toBe('AWS::Events::Rule');
      if ('schedule' in declared) {
        expect(rule.Properties.ScheduleExpression).toBe(declared.schedule);
        expect(rule.Properties.EventBusName).toBeUndefined();
        expect(rule.Properties.EventPattern).toBeUndefined();
      } else {
        const busId = logicalId(stack.registry.eventBuses.get(declared.eventBus) as unknown as Construct);
        expect(rule.Properties.EventPattern).toEqual(declared.eventPattern);
        expect(rule.Properties.EventBusName).toEqual({ Ref: busId });
        expect(rule.Properties.ScheduleExpression).toBeUndefined();
      }
      const targets = rule.Properties.Targets as Array<Record<string, unknown>>;
      expect(targets).toHaveLength(declared.targets.length);
      for (const [index, target] of declared.targets.entries()) {
        const deployed = targets[index] as Record<string, unknown>;
        expect(deployed.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } });
        expect(deployed.RetryPolicy).toMatchObject({ MaximumRetryAttempts: expect.any(Number) });
        if (target.function)
          expect(deployed.Arn).toEqual({ 'Fn::GetAtt': [functionId(target.function), 'Arn'] });
        if (target.stateMachine) {
          const [[smId]] = resources('AWS::StepFunctions::StateMachine').filter(
            ([, sm]) => sm.Properties.StateMachineName === `${stack.stackName}-${target.stateMachine}`,
          ) as unknown as [[string]];
          expect(deployed.Arn).toEqual({ Ref: smId });
        }
      }
    });
  });

  it('puts a Cognito JWT authorizer on every API route except those open to anyone, and on $default', () => {
    const routes = new Map(
      resources('AWS::ApiGatewayV2::Route').map(([, route]) => [route.Properties.RouteKey, route.Properties]),
    );
    for (const route of Object.values(Api)) {
      const deployed = routes.get(`${route.method} ${route.path}`);
      expect(deployed, `${route.method} ${route.path}`).toBeDefined();
      const open = (route.access as readonly string[]).includes('anyone');
      expect(deployed?.AuthorizationType).toBe(open ? 'NONE' : 'JWT');
    }
    expect(routes.get('GET /api/shops/{shopId}/config')?.AuthorizationType).toBe('NONE');
    expect(routes.get('$default')?.AuthorizationType).toBe('JWT');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.anyValue() }],
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      },
    });
  });

  it('signs customers in with an email code and staff with a password, in the declared groups', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'ESSENTIALS',
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: Match.arrayWith(['PASSWORD', 'EMAIL_OTP']) } },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      // A first-time customer is signed up when sign-in answers UserNotFoundException (apps/shared's auth).
      PreventUserExistenceErrors: 'LEGACY',
    });
    const groups = resources('AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName);
    expect(groups.sort()).toEqual([...(source.declaration.userPools?.coffee?.groups ?? [])].sort());
  });

  describe('MQTT access', () => {
    const authorizerDeclaration = () => {
      const authorizer = source.declaration.iot?.authorizer;
      if (!authorizer) throw new Error('The declaration has no iot.authorizer');
      return authorizer;
    };
    const realtime = () => stack.node.findChild('Realtime') as RealtimeAccess;

    it('authorizes MQTT connections with a custom authorizer: the declared function, unsigned tokens in `token`', () => {
      const authorizers = resources('AWS::IoT::Authorizer');
      expect(authorizers).toHaveLength(1);
      const [[id, authorizer]] = authorizers as [[string, Resource]];
      expect(id).toBe(stack.getLogicalId(realtime().authorizer));
      expect(authorizer.Properties).toEqual({
        AuthorizerFunctionArn: { 'Fn::GetAtt': [functionId(authorizerDeclaration().function), 'Arn'] },
        SigningDisabled: true,
        TokenKeyName: authorizerDeclaration().tokenKey,
        Status: 'ACTIVE',
        EnableCachingForHttp: false,
      });
      expect(authorizerDeclaration().tokenKey).toBe('token');
    });

    it('lets IoT Core invoke the authorizer function for this authorizer only', () => {
      const [[authorizerId]] = resources('AWS::IoT::Authorizer') as [[string, Resource]];
      const permissions = resources('AWS::Lambda::Permission').filter(
        ([, permission]) => permission.Properties.Principal === 'iot.amazonaws.com',
      );
      expect(permissions.map(([, permission]) => permission.Properties)).toEqual([
        {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [functionId(authorizerDeclaration().function), 'Arn'] },
          Principal: 'iot.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [authorizerId, 'Arn'] },
          SourceAccount: { Ref: 'AWS::AccountId' },
        },
      ]);
    });

    it('gives the authorizer function IoT Core’s 5-second limit and no access beyond the user pool it verifies against', () => {
      const properties = template.toJSON().Resources[functionId(authorizerDeclaration().function)].Properties;
      expect(properties.Timeout).toBe(5);
      expect(Object.keys(properties.Environment.Variables).sort()).toEqual([
        'USER_POOL_CLIENT_ID',
        'USER_POOL_ID',
      ]);
      const actions = statementsOfRole(properties.Role['Fn::GetAtt'][0]).flatMap((statement) =>
        [statement.Action].flat(),
      );
      expect(actions.filter((action) => !action.startsWith('xray:'))).toEqual([]);
    });

    it('has no identity pool, no roles for MQTT clients and no IoT policy to attach', () => {
      template.resourceCountIs('AWS::Cognito::IdentityPool', 0);
      template.resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 0);
      template.resourceCountIs('AWS::Cognito::IdentityPoolPrincipalTag', 0);
      template.resourceCountIs('AWS::IoT::Policy', 0);
      expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('cognito-identity');
      for (const [, group] of resources('AWS::Cognito::UserPoolGroup'))
        expect(group.Properties.RoleArn).toBeUndefined();
    });
  });

  it('serves the apps, /config.json and /api from one CloudFront distribution', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayWith(['PUT', 'POST']) }),
        ],
        DefaultRootObject: 'index.html',
      }),
    });
    const deployments = resources('Custom::CDKBucketDeployment').map(
      ([, deployment]) => deployment.Properties,
    );
    expect(deployments.map((deployment) => deployment.DestinationBucketKeyPrefix ?? '').sort()).toEqual([
      '',
      'barista/',
      'display/',
      'order/',
    ]);
    const config = deployedConfig(
      deployments.find((deployment) => !deployment.DestinationBucketKeyPrefix) as Record<string, unknown>,
    );
    const realtime = stack.node.findChild('Realtime') as RealtimeAccess;
    const endpoint = stack.node.findChild('IotEndpoint') as IotDataEndpoint;
    const deployed = (value: string) => `{${JSON.stringify(stack.resolve(value))}}`;
    expect(config).toEqual({
      region: deployed(stack.region),
      apiUrl: expect.stringMatching(/^https:\/\/\{.*DomainName.*\}\/api$/),
      mqttUrl: `wss://${deployed(endpoint.address)}/mqtt?x-amz-customauthorizer-name=${deployed(realtime.authorizerName)}`,
      auth: {
        userPoolId: expect.stringContaining('"Ref"'),
        userPoolClientId: expect.stringContaining('"Ref"'),
      },
    });
    expect(deployed(endpoint.address)).toContain('endpointAddress');
    expect(deployed(realtime.authorizerName)).toBe(`{{"Ref":"${stack.getLogicalId(realtime.authorizer)}"}}`);
    const missing = ['order', 'barista', 'display'].filter(
      (path) =>
        !existsSync(resolve(source.baseDir, '..', 'apps', path === 'order' ? 'customer' : path, 'dist')),
    );
    expect(stack.web.placeholders.sort()).toEqual(missing.sort());
  });

  it('raises alarms on failed executions, dead-lettered events and API 5xx answers', () => {
    const metrics = resources('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties.MetricName);
    expect(metrics).toContain('ExecutionsFailed');
    expect(metrics).toContain('5xx');
    expect(metrics.filter((metric) => metric === 'ApproximateNumberOfMessagesVisible')).toHaveLength(
      Object.keys(source.declaration.rules ?? {}).length,
    );
    for (const [, alarm] of resources('AWS::CloudWatch::Alarm'))
      expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});

/**
 * The `/config.json` a deployment writes, each deploy-time value shown as `{<its CloudFormation
 * expression>}`: CDK stages the file with markers and hands the custom resource what each stands for.
 */
function deployedConfig(deployment: Record<string, unknown>): unknown {
  const markers: Record<string, unknown> = Object.assign({}, ...(deployment.SourceMarkers as object[]));
  const staged = readdirSync(outdir)
    .map((entry) => join(outdir, entry, 'config.json'))
    .filter((file) => existsSync(file));
  expect(staged).toHaveLength(1);
  let text = readFileSync(staged[0] as string, 'utf8');
  for (const [marker, value] of Object.entries(markers))
    text = text.replaceAll(marker, `{${JSON.stringify(value).replace(/["\\]/g, '\\$&')}}`);
  return JSON.parse(text);
}

/** The declared names of one section, read when the suite is collected (the declaration is a plain module). */
function resourcesOf(section: 'stateMachines' | 'functions' | 'rules'): Record<string, unknown> {
  return (declarationAtCollection[section] ?? {}) as Record<string, unknown>;
}

const declarationAtCollection = (await loadBackendDeclaration()).declaration;
