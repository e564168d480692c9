import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import writeFileAtomic from 'write-file-atomic';
import { applyDeclaration, type CreatedAccount } from './bootstrap/apply-declaration.js';
import { type ResolvedResources, resolveRef } from './bootstrap/resolve-refs.js';
import type { ResourceDeclaration } from './bootstrap/resource-declaration.js';
import { CognitoService } from './cognito/index.js';
import { DynamoDbService } from './dynamodb/dynamodb-service.js';
import { EdgeServer } from './edge/edge-server.js';
import { EventBridgeService, localTargetInvoker } from './eventbridge/index.js';
import { IotBroker, type MqttAuthorizer, policyAuthorizer, type TokenPrincipal } from './iot/index.js';
import type { FunctionHost } from './lambda/function-host.js';
import { Outbox } from './outbox/index.js';
import { stepFunctionsService } from './stepfunctions/api/index.js';
import { LOCAL_ACCOUNT_ID } from './stepfunctions/engine/arns.js';
import { StepFunctionsEngine } from './stepfunctions/engine/engine.js';
import { LambdaRegistry } from './stepfunctions/integrations/index.js';
import { httpApiHandler } from './web/http-api.js';
import { type WebHandler, WebServer } from './web/web-server.js';

/** The file in the data folder that keeps the passwords of the accounts created at first start. */
export const ACCOUNTS_FILE = 'accounts.json';

/** Where the web port serves the application's HTTP API, as a CDN routes it to API Gateway. */
export const HTTP_API_PATH = '/api';

/** Where the web port serves the user pools' public actions (Amplify's `userPoolEndpoint`). */
export const COGNITO_WEB_PATH = '/cognito';

/** What the web port serves for the application. */
export interface WebOptions {
  port: number;
  /** `127.0.0.1` by default; `0.0.0.0` serves phones on the shop's network. */
  host?: string;
  landingPage: () => string;
  runtimeConfig: () => unknown;
  mounts?: Record<string, WebHandler>;
  apps?: Record<string, string>;
  /** Who may connect, publish and subscribe over MQTT at `/mqtt`. */
  mqttAuthorizer?: MqttAuthorizer<unknown>;
}

/** Where and how the local cloud runs. */
export interface LocalCloudOptions {
  /** The data folder; each service keeps its store in a subfolder. */
  dataDir: string;
  /** The edge's port (0 picks a free one). */
  edgePort: number;
  region?: string;
  /** Flush every write to the disk, for power loss. */
  syncWrites?: boolean;
  /** Days a closed Step Functions execution is kept, as on AWS (90 by default). */
  executionRetentionDays?: number;
  /**
   * How long a DynamoDB table created, updated or deleted stays `CREATING`, `UPDATING` or
   * `DELETING` before it turns `ACTIVE` or goes, as it takes a while on AWS; 0 by default.
   */
  tableStatusMs?: number;
  /**
   * Lambda handlers, registered before anything resumes: a task interrupted by a crash runs
   * again at start, so its function must already be there.
   */
  lambda?: LambdaRegistry;
  /** The application whose declared resources the local cloud creates at start. */
  app?: {
    declaration: ResourceDeclaration;
    baseDir: string;
    /** The password of declared accounts (e.g. staff), instead of generated ones. */
    userPassword?: string;
    /**
     * Run the declared functions in this thread instead of on a worker thread of their own (for a
     * debugger, or a test that fakes the functions' clock or watches their console).
     */
    functionsInProcess?: boolean;
    /**
     * Invoke the declaration's `warmUp` function before the start resolves, so that the first
     * users meet compiled code. Off unless set: the CLI sets it; a test that starts many clouds
     * does without the seconds it takes.
     */
    warmUp?: boolean;
  };
  /** The web port, when the application has one. */
  web?: WebOptions;
  /** Progress lines while starting. */
  log?: (message: string) => void;
  /** Where the outbox prints what it "sends"; `console.log` by default. */
  outboxLog?: (line: string) => void;
}

/**
 * The embedded AWS: the services, the edge port that speaks their wire protocols, and the web
 * port with MQTT over WebSocket. The edge always listens on loopback only: it is an
 * administrator's door. Services join the edge as they open, so every one of them knows the
 * edge's address before its first call to another.
 */
export class LocalCloud {
  private constructor(
    readonly region: string,
    /** The physical names of the application's declared resources. */
    readonly resources: ResolvedResources | undefined,
    readonly edge: EdgeServer,
    readonly dynamodb: DynamoDbService,
    readonly eventBridge: EventBridgeService,
    readonly outbox: Outbox,
    readonly cognito: CognitoService,
    readonly iot: IotBroker<unknown>,
    readonly stepFunctions: StepFunctionsEngine,
    readonly lambda: LambdaRegistry,
    private readonly functionHost: FunctionHost | undefined,
    readonly web: WebServer | undefined,
  ) {}

  /** The account of every local ARN. */
  readonly accountId = LOCAL_ACCOUNT_ID;

  /** Opens every service's store, resumes their work and starts the edge and the web port. */
  static async start(options: LocalCloudOptions): Promise<LocalCloud> {
    const region = options.region ?? 'us-east-1';
    const log = options.log ?? (() => undefined);
    const lambda = options.lambda ?? new LambdaRegistry(region);
    const opened: Array<{ close(): Promise<void> }> = [];
    const edge = new EdgeServer({ region, services: [] });
    try {
      await edge.listen(options.edgePort, '127.0.0.1');
      opened.push(edge);
      // Step Functions first: its store's lock tells a second instance on the same data at once.
      const stepFunctions = await StepFunctionsEngine.open({
        dataDir: join(options.dataDir, 'stepfunctions'),
        region,
        lambda,
        services: (target, body, callerRegion) => edge.answer(target, body, callerRegion),
        resume: false,
        ...(options.syncWrites !== undefined && { syncWrites: options.syncWrites }),
        ...(options.executionRetentionDays !== undefined && {
          retentionDays: options.executionRetentionDays,
        }),
      });
      opened.push(stepFunctions);
      edge.addService(stepFunctionsService(stepFunctions));

      const dynamodb = await DynamoDbService.start({
        dataDir: join(options.dataDir, 'dynamodb'),
        tableStatusMs: options.tableStatusMs,
      });
      opened.push(dynamodb);
      edge.addRoute(dynamodb.route());
      log('DynamoDB ready');

      const eventBridge = await EventBridgeService.open({
        dataDir: join(options.dataDir, 'eventbridge'),
        region,
        targets: localTargetInvoker({ stepFunctions, lambda }),
        resume: false,
        ...(options.syncWrites !== undefined && { syncWrites: options.syncWrites }),
      });
      opened.push(eventBridge);
      edge.addService(eventBridge.awsJsonService());
      for (const route of eventBridge.routes()) edge.addRoute(route);
      log('EventBridge ready');

      const outbox = await Outbox.open({
        dataDir: join(options.dataDir, 'outbox'),
        ...(options.outboxLog && { log: options.outboxLog }),
      });
      edge.addRoute(outbox.route());

      const cognito = await CognitoService.open({
        dataDir: join(options.dataDir, 'cognito'),
        region,
        issuerBaseUrl: () => edge.url,
        outbox,
        ...(options.syncWrites !== undefined && { syncWrites: options.syncWrites }),
      });
      opened.push(cognito);
      edge.addService(cognito.awsJsonService());
      for (const route of cognito.routes()) edge.addRoute(route);
      log('Cognito user pools ready');

      // The application's functions are registered before anything resumes, so work interrupted
      // by a crash finds them.
      const applied =
        options.app &&
        (await applyDeclaration(options.app.declaration, {
          baseDir: options.app.baseDir,
          endpoint: edge.url,
          region,
          accountId: LOCAL_ACCOUNT_ID,
          lambda,
          log,
          ...(options.app.userPassword !== undefined && { userPassword: options.app.userPassword }),
          ...(options.app.functionsInProcess && { functionsInProcess: true }),
        }));
      if (applied?.functionHost) opened.push(applied.functionHost);
      if (applied) {
        await keepAccounts(join(options.dataDir, ACCOUNTS_FILE), applied.createdAccounts, log);
        log('application resources ready');
      }
      const resources = applied?.resources;

      const authorizer =
        options.web?.mqttAuthorizer ??
        (resources &&
          options.app?.declaration.iot &&
          declaredAuthorizer(cognito, resources, options.app.declaration.iot));
      const iot = await IotBroker.create<unknown>({
        ...(authorizer && { authorizer: authorizer as MqttAuthorizer<unknown> }),
      });
      opened.push(iot);
      for (const route of iot.dataPlaneRoutes()) edge.addRoute(route);
      log('IoT broker ready');

      let web: WebServer | undefined;
      if (options.web) {
        // The edge stays on loopback, so browsers on phones reach the user pools' public actions here.
        web = new WebServer({
          ...options.web,
          mounts: {
            [COGNITO_WEB_PATH]: cognito.publicHandler(),
            ...(options.app?.declaration.httpApi && {
              [HTTP_API_PATH]: httpApiHandler({
                lambda,
                functionName: options.app.declaration.httpApi.function,
                accountId: LOCAL_ACCOUNT_ID,
              }),
            }),
            ...options.web.mounts,
          },
        });
        iot.attach(web.server);
        await web.listen(options.web.port, options.web.host ?? '127.0.0.1');
        opened.push(web);
      }

      const running = await stepFunctions.resume();
      await eventBridge.resume();
      log(`Step Functions resumed ${running} running execution(s)`);
      if (options.app?.warmUp && applied?.warmUp) await warmUpApplication(applied.warmUp, log);
      return new LocalCloud(
        region,
        resources,
        edge,
        dynamodb,
        eventBridge,
        outbox,
        cognito,
        iot,
        stepFunctions,
        lambda,
        applied?.functionHost,
        web,
      );
    } catch (error) {
      for (const service of opened.reverse()) await service.close().catch(() => undefined);
      throw error;
    }
  }

  /** The edge's URL, the `endpoint` for the AWS SDK clients. */
  get endpoint(): string {
    return this.edge.url;
  }

  /** Stops the ports and closes the stores; running executions resume at the next start. */
  async stop(): Promise<void> {
    // Users first, then the engines — a task still running is dropped, to run again at the next
    // start, rather than failed by a service closed under it — then the services they call.
    await this.web?.close();
    await this.stepFunctions.close();
    await this.eventBridge.close();
    await this.functionHost?.close();
    await this.edge.close();
    await this.iot.close();
    await this.cognito.close();
    await this.dynamodb.close();
  }
}

/**
 * Runs the application's warm-up and reports it: how long it took, and what it answered when that
 * is a sentence. A warm-up that fails leaves the cloud running, only colder, and says why.
 */
async function warmUpApplication(
  warmUp: () => Promise<unknown>,
  log: (message: string) => void,
): Promise<void> {
  const started = performance.now();
  try {
    const summary = await warmUp();
    const took = `warmed up in ${Math.round(performance.now() - started)} ms`;
    log(typeof summary === 'string' ? `${took}: ${summary}` : took);
  } catch (error) {
    log(
      `the warm-up failed, so the first users meet cold code: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/**
 * Keeps the passwords of accounts created by this start in the data folder, and prints them: the
 * only time they are shown. The file is written aside and renamed over the old one, so a crash
 * mid-write loses no password kept before.
 */
async function keepAccounts(
  file: string,
  created: CreatedAccount[],
  log: (message: string) => void,
): Promise<void> {
  if (created.length === 0) return;
  const kept = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as CreatedAccount[]) : [];
  await writeFileAtomic(file, `${JSON.stringify([...kept, ...created], null, 2)}\n`, { mode: 0o600 });
  for (const account of created) {
    log(`created account '${account.username}' with password ${account.password} (kept in ${file})`);
  }
}

/** The MQTT authorizer of a declaration's IoT policies, trusting the ID tokens of its user pool. */
function declaredAuthorizer(
  cognito: CognitoService,
  resources: ResolvedResources,
  iot: NonNullable<ResourceDeclaration['iot']>,
): MqttAuthorizer<TokenPrincipal> {
  const userPoolId = resolveRef({ userPool: iot.userPool }, resources);
  const clientIds = Object.values(resources.userPoolClients[iot.userPool] ?? {});
  const keys = createRemoteJWKSet(new URL(cognito.jwksUrl(userPoolId)));
  return policyAuthorizer({
    policies: iot.policies,
    verify: async (token) => {
      const { payload } = await jwtVerify(token, keys, {
        issuer: cognito.issuer(userPoolId),
        audience: clientIds,
      });
      if (payload.token_use !== 'id' || typeof payload.sub !== 'string') throw new Error('Not an ID token');
      const groups = payload['cognito:groups'];
      return {
        sub: payload.sub,
        groups: Array.isArray(groups) ? groups.map(String) : [],
        ...(payload.exp !== undefined && { expiresAt: new Date(payload.exp * 1000) }),
      };
    },
  });
}
