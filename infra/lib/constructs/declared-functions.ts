import { dirname, resolve } from 'node:path';
import { Duration, Lazy, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import type { FunctionDeclaration } from '../declaration.js';
import { acknowledge, acknowledgeWildcards } from '../nag.js';
import type { ResourceRegistry } from '../resource-registry.js';

/** Lambda's Node.js runtime the functions run on. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** The environment variable through which a function learns the IoT data endpoint (see `backend/src/aws/clients.ts`). */
export const IOT_ENDPOINT_VARIABLE = 'IOT_DATA_ENDPOINT';

/** How functions that publish to MQTT topics reach IoT Core. */
export interface IotPublishing {
  /** `https://<prefix>-ats.iot.<region>.amazonaws.com`, the account's data endpoint. */
  endpoint: string;
  /** The topic ARNs publishers may publish to. */
  topicArns: string[];
  /** Which declared functions publish (see the stack's `iotPublishers`). */
  isPublisher: (name: string, declaration: FunctionDeclaration) => boolean;
}

/** Props of {@link DeclaredFunctions}. */
export interface DeclaredFunctionsProps {
  /** The declaration's functions by logical name. */
  functions: Record<string, FunctionDeclaration>;
  /** The folder `entry` paths are relative to (the backend package). */
  baseDir: string;
  /** Where references resolve; the functions are registered in it. */
  registry: ResourceRegistry;
  iot?: IotPublishing;
  /** Where the functions' declared `settings` are read from: the deployer's environment. */
  settingsSource: Readonly<Record<string, string | undefined>>;
}

/** The defaults of a declaration that leaves them out: enough for an HTTP handler doing a few DynamoDB calls. */
const DEFAULT_TIMEOUT_SECONDS = 10;
const DEFAULT_MEMORY_MB = 512;

/** Prepended to an ES module bundle so CommonJS dependencies (the AWS SDK's) can still `require` Node's modules. */
const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * The code of one declared function: its built module (`entry`) and everything it imports,
 * bundled by esbuild into one ES module, `index.mjs`, in a folder of its own under `outdir`, during
 * synthesis, on this machine (no Docker). The asset is hashed by that folder, the bundle, so an
 * unchanged bundle is not uploaded again.
 *
 * Not CDK's asset bundling: it reuses a staged asset for the same source folder and bundling
 * options, and a local bundler's function is not part of that comparison, so two functions whose
 * modules share a folder would both get the first one's bundle. Like CDK's bundling, it is skipped
 * for a stack the CLI is not deploying or synthesizing (`aws:cdk:bundling-stacks`): that stack's
 * functions get their module's folder as it is.
 */
export function bundledCode(scope: Construct, entryFile: string, outdir: string): lambda.Code {
  if (!Stack.of(scope).bundlingRequired) return lambda.Code.fromAsset(dirname(entryFile));
  buildSync({
    entryPoints: [entryFile],
    outfile: resolve(outdir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    banner: { js: REQUIRE_SHIM },
    logLevel: 'error',
  });
  return lambda.Code.fromAsset(outdir);
}

/**
 * One Lambda function per declared function, arm64, on {@link FUNCTION_RUNTIME}, with X-Ray
 * tracing, JSON logs kept a month, and the declared environment — each reference resolved to the
 * deployed resource, each declared setting the deployer has set with the deployer's value — and
 * exactly the permissions those references imply (see {@link ResourceRegistry.grant}). Adding a
 * function to the declaration deploys it with no change here.
 */
export class DeclaredFunctions extends Construct {
  /** The functions by declared name. */
  readonly byName = new Map<string, lambda.Function>();

  constructor(scope: Construct, id: string, props: DeclaredFunctionsProps) {
    super(scope, id);
    const { registry } = props;
    const bundlesDir = resolve(Stage.of(this)?.assetOutdir ?? '.', 'bundles');
    for (const [name, declared] of Object.entries(props.functions)) {
      const fn = new lambda.Function(this, name, {
        description: `Coffee shop: the '${name}' function of backend/src/resources.ts (${declared.entry})`,
        runtime: FUNCTION_RUNTIME,
        architecture: lambda.Architecture.ARM_64,
        code: bundledCode(this, resolve(props.baseDir, declared.entry), resolve(bundlesDir, name)),
        handler: `index.${declared.handler}`,
        timeout: Duration.seconds(declared.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
        memorySize: declared.memoryMb ?? DEFAULT_MEMORY_MB,
        tracing: lambda.Tracing.ACTIVE,
        loggingFormat: lambda.LoggingFormat.JSON,
        logGroup: new logs.LogGroup(this, `${name}Logs`, {
          retention: logs.RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        environment: {
          // Resolved at synthesis, so a function may name another declared after it.
          ...Object.fromEntries(
            Object.entries(declared.environment ?? {}).map(([key, ref]) => [
              key,
              Lazy.string({ produce: () => registry.resolve(ref) }),
            ]),
          ),
          ...settingsOf(declared, props.settingsSource),
          ...(props.iot?.isPublisher(name, declared) && { [IOT_ENDPOINT_VARIABLE]: props.iot.endpoint }),
        },
      });
      this.byName.set(name, fn);
      registry.functions.set(name, fn);
    }
    for (const [name, declared] of Object.entries(props.functions)) {
      const fn = this.byName.get(name) as lambda.Function;
      for (const ref of Object.values(declared.environment ?? {})) registry.grant(fn, ref);
      if (props.iot?.isPublisher(name, declared)) {
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions: ['iot:Publish'], resources: props.iot.topicArns }),
        );
      }
      acknowledgeFunctionFindings(fn);
    }
  }
}

/** The declared settings that `source` sets to something, with its values. */
function settingsOf(
  declared: FunctionDeclaration,
  source: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  return Object.fromEntries(
    (declared.settings ?? []).flatMap((name) => (source[name] ? [[name, source[name]]] : [])),
  );
}

/** The cdk-nag findings every declared function carries, each with the reason it is accepted. */
function acknowledgeFunctionFindings(fn: lambda.Function): void {
  acknowledge(fn, {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'The basic execution role grants only CloudWatch Logs writes to the function’s own log streams.',
  });
  acknowledgeWildcards(
    fn,
    'Wildcards only where AWS requires them or the resource is a family: X-Ray trace writes (no resource ARN exists), ' +
      'a table’s indexes (<table>/index/*), a state machine’s executions (execution:<machine>:*), and MQTT topics by shop or user.',
    ({ resource = '' }) =>
      resource === '*' ||
      resource.endsWith('/index/*') ||
      /:states:.*:execution:[^:]+:\*$/.test(resource) ||
      /:iot:.*:topic\//.test(resource),
  );
}
