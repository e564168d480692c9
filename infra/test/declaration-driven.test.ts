import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import { createCoffeeShopApp, shopApps } from '../lib/coffee-shop-app.js';
import type { DeclaredRules } from '../lib/constructs/declared-rules.js';
import { loadBackendDeclaration, type ResourceDeclaration } from '../lib/declaration.js';

/**
 * A stack from the backend's declaration plus functions and rules (matching a pattern, or on a
 * schedule) the backend does not have (yet): they must deploy with no change to the infra. Bundling is skipped (the context key CDK
 * reads for `cdk synth --exclusively`), so this synthesizes in seconds.
 */
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function synthesize(
  declaration: ResourceDeclaration,
  baseDir: string,
  context: Record<string, string> = {},
  environment: Record<string, string> = {},
) {
  const outdir = mkdtempSync(join(tmpdir(), 'coffee-infra-'));
  const missingApps = mkdtempSync(join(tmpdir(), 'coffee-apps-'));
  scratch.push(outdir, missingApps);
  const app = new App({
    outdir,
    context: { 'aws:cdk:bundling-stacks': [], ...context },
  });
  const { stack } = await createCoffeeShopApp({
    app,
    source: { declaration, baseDir },
    apps: shopApps(missingApps),
    environment,
  });
  const template = Template.fromJSON(app.synth().getStackByName(stack.stackName).template);
  return { stack, template };
}

describe('a declaration that grows', () => {
  it('deploys a newly declared function and rule, with only the access its references imply', async () => {
    const { declaration, baseDir } = await loadBackendDeclaration();
    const grown: ResourceDeclaration = structuredClone(declaration);
    const someEntry = Object.values(declaration.functions ?? {})[0]?.entry as string;
    grown.functions = {
      ...grown.functions,
      laterAddition: {
        entry: someEntry,
        handler: 'handler',
        environment: { CODES: { table: 'codes' } },
        memoryMb: 256,
      },
    };
    grown.rules = {
      ...grown.rules,
      laterRule: {
        eventBus: grown.eventBuses?.[0] as string,
        eventPattern: { source: ['coffee.shop'], 'detail-type': ['Later.Added'] },
        targets: [{ id: 'laterAddition', function: 'laterAddition' }],
      },
    };

    const { stack, template } = await synthesize(grown, baseDir);

    const fn = stack.registry.functions.get('laterAddition') as unknown as Construct;
    const codes = stack.registry.tables.get('codes') as unknown as Construct;
    const fnId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
    const codesId = stack.getLogicalId(codes.node.defaultChild as CfnElement);
    const properties = template.toJSON().Resources[fnId].Properties;
    expect(properties).toMatchObject({
      MemorySize: 256,
      Environment: { Variables: { CODES: { Ref: codesId } } },
    });
    const roleId = properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`),
    );
    const tableIds = [...JSON.stringify(policies).matchAll(/"(Tables\w+)"/g)].map((match) => match[1]);
    expect(new Set(tableIds)).toEqual(new Set([codesId]));
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['coffee.shop'], 'detail-type': ['Later.Added'] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': Match.anyValue() } },
        }),
      ],
    });
    expect(stack.web.placeholders).toEqual(['order', 'barista', 'display']);
    // Without an SES sender there is no email one-time code (Cognito would refuse it); staff still sign in.
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
    });
  });

  it('deploys a scheduled rule on the default bus, with the targets, retries and dead-letter queue of any rule, and leaves the pattern rules as they were', async () => {
    const { declaration, baseDir } = await loadBackendDeclaration();
    const grown: ResourceDeclaration = structuredClone(declaration);
    const someEntry = Object.values(declaration.functions ?? {})[0]?.entry as string;
    const schedule = 'cron(0/5 * * * ? *)';
    grown.functions = { ...grown.functions, everyFiveMinutes: { entry: someEntry, handler: 'handler' } };
    grown.rules = {
      ...grown.rules,
      laterSchedule: { schedule, targets: [{ id: 'everyFiveMinutes', function: 'everyFiveMinutes' }] },
    };

    const before = await synthesize(declaration, baseDir);
    const { stack, template } = await synthesize(grown, baseDir);

    const idOf = (construct: Construct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
    const rules = stack.node.findChild('Rules') as DeclaredRules;
    const ruleId = idOf(rules.byName.get('laterSchedule') as Construct);
    const queueId = idOf(rules.deadLetterQueues.get('laterSchedule') as Construct);
    const fnId = idOf(stack.registry.functions.get('everyFiveMinutes') as unknown as Construct);
    const rule = template.toJSON().Resources[ruleId];
    expect(rule.Type).toBe('AWS::Events::Rule');
    expect(rule.Properties.ScheduleExpression).toBe(schedule);
    expect(rule.Properties).not.toHaveProperty('EventBusName');
    expect(rule.Properties).not.toHaveProperty('EventPattern');
    expect(rule.Properties.Targets).toEqual([
      {
        Id: expect.any(String),
        Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 },
      },
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    });
    const patternRules = (synthesized: Template) =>
      Object.entries(synthesized.findResources('AWS::Events::Rule')).filter(
        ([, resource]) => resource.Properties.EventPattern !== undefined,
      );
    expect(patternRules(template)).toEqual(patternRules(before.template));
    expect(patternRules(template).length).toBe(
      Object.values(declaration.rules ?? {}).filter((declared) => 'eventPattern' in declared).length,
    );
  });

  it('sends sign-in codes as the verified SES identity: the address, or its domain when told so', async () => {
    const { declaration, baseDir } = await loadBackendDeclaration();
    const sourceArn = async (context: Record<string, string>) => {
      const { template } = await synthesize(declaration, baseDir, context);
      const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool'));
      return JSON.stringify(pool?.Properties.EmailConfiguration.SourceArn);
    };

    const byAddress = await sourceArn({ sesFromEmail: 'orders@example.com' });
    const byDomain = await sourceArn({
      sesFromEmail: 'orders@example.com',
      sesVerifiedDomain: 'example.com',
    });

    expect(byAddress).toContain(':identity/orders@example.com"');
    expect(byDomain).toContain(':identity/example.com"');
  });

  it("deploys the operator's shop settings into the API function as `npm start` takes them, and nothing else of the environment", async () => {
    const { declaration, baseDir } = await loadBackendDeclaration();
    const deployer = {
      COFFEE_CAPACITY: '30',
      COFFEE_SHOPS: 'terrace=Terrace bar,stage',
      COFFEE_DAILY_LIMIT: '',
      AWS_SECRET_ACCESS_KEY: 'not for a function',
    };
    const { stack, template } = await synthesize(declaration, baseDir, {}, deployer);
    const variablesOf = (name: string) => {
      const fn = stack.registry.functions.get(name) as unknown as Construct;
      const id = stack.getLogicalId(fn.node.defaultChild as CfnElement);
      return template.toJSON().Resources[id].Properties.Environment.Variables as Record<string, unknown>;
    };

    const api = variablesOf('api');
    expect(api).toMatchObject({ COFFEE_CAPACITY: '30', COFFEE_SHOPS: 'terrace=Terrace bar,stage' });
    expect(Object.keys(api)).not.toContain('COFFEE_DAILY_LIMIT');
    expect(Object.keys(api)).not.toContain('AWS_SECRET_ACCESS_KEY');
    expect(Object.keys(variablesOf('publisher')).filter((key) => key.startsWith('COFFEE_'))).toEqual([]);
  });

  it('refuses to deploy with a malformed shop setting, naming it, as `npm start` refuses to start', async () => {
    const { declaration, baseDir } = await loadBackendDeclaration();
    await expect(synthesize(declaration, baseDir, {}, { COFFEE_CAPACITY: 'abc' })).rejects.toThrow(
      'The coffee shop cannot be deployed: COFFEE_CAPACITY must be a whole number from 1 to 5000; it is "abc".',
    );
    await expect(synthesize(declaration, baseDir, {}, { COFFEE_SHOPS: 'the terrace' })).rejects.toThrow(
      /cannot be deployed: COFFEE_SHOPS .*"the terrace" is not a shop id/,
    );
  });

  it('refuses IoT policies without an authorizer function, or with an undeclared one', async () => {
    const { declaration, baseDir } = await loadBackendDeclaration();
    const withoutAuthorizer: ResourceDeclaration = structuredClone(declaration);
    delete withoutAuthorizer.iot?.authorizer;
    await expect(synthesize(withoutAuthorizer, baseDir)).rejects.toThrow(/no iot\.authorizer/);
    const misnamed: ResourceDeclaration = structuredClone(declaration);
    if (misnamed.iot) misnamed.iot.authorizer = { function: 'iotAuthoriser', tokenKey: 'token' };
    await expect(synthesize(misnamed, baseDir)).rejects.toThrow(/'iotAuthoriser'/);
  });

  it('refuses a reference to something the declaration does not declare, naming it', async () => {
    const { declaration, baseDir } = await loadBackendDeclaration();
    const broken: ResourceDeclaration = structuredClone(declaration);
    broken.functions = {
      ...broken.functions,
      typo: { entry: 'x.js', handler: 'h', environment: { T: { table: 'ordrs' } } },
    };
    await expect(synthesize(broken, baseDir)).rejects.toThrow(/table 'ordrs'/);
  });
});
