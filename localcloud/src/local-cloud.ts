import { join } from 'node:path';
import { DynamoDbService } from './dynamodb/dynamodb-service.js';
import { EdgeServer } from './edge/edge-server.js';
import { IotBroker, type MqttAuthorizer } from './iot/index.js';
import { Outbox, outboxRoute } from './outbox/index.js';
import { stepFunctionsService } from './stepfunctions/api/index.js';
import { LOCAL_ACCOUNT_ID } from './stepfunctions/engine/arns.js';
import { type EngineOptions, StepFunctionsEngine } from './stepfunctions/engine/engine.js';
import { LambdaRegistry } from './stepfunctions/integrations/index.js';
import { type WebHandler, WebServer } from './web/web-server.js';

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
  /**
   * Lambda handlers, registered before anything resumes: a task interrupted by a crash runs
   * again at start, so its function must already be there.
   */
  lambda?: LambdaRegistry;
  /** Endpoints for Task integrations other than the edge's own services (tests, hybrid setups). */
  endpoints?: EngineOptions['endpoints'];
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
    readonly edge: EdgeServer,
    readonly dynamodb: DynamoDbService,
    readonly outbox: Outbox,
    readonly iot: IotBroker<unknown>,
    readonly stepFunctions: StepFunctionsEngine,
    readonly lambda: LambdaRegistry,
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
      const endpoints = { dynamodb: edge.url, events: edge.url, ...options.endpoints };
      const stepFunctions = await StepFunctionsEngine.open({
        dataDir: join(options.dataDir, 'stepfunctions'),
        region,
        lambda,
        endpoints,
        resume: false,
        ...(options.syncWrites !== undefined && { syncWrites: options.syncWrites }),
      });
      opened.push(stepFunctions);
      edge.addService(stepFunctionsService(stepFunctions));

      const dynamodb = await DynamoDbService.start({ dataDir: join(options.dataDir, 'dynamodb') });
      opened.push(dynamodb);
      edge.addRoute(dynamodb.route());
      log('DynamoDB ready');

      const outbox = await Outbox.open({
        dataDir: join(options.dataDir, 'outbox'),
        ...(options.outboxLog && { log: options.outboxLog }),
      });
      edge.addRoute(outboxRoute(() => outbox.list()));

      const iot = await IotBroker.create<unknown>({
        ...(options.web?.mqttAuthorizer && { authorizer: options.web.mqttAuthorizer }),
      });
      opened.push(iot);
      for (const route of iot.dataPlaneRoutes()) edge.addRoute(route);
      log('IoT broker ready');

      let web: WebServer | undefined;
      if (options.web) {
        web = new WebServer(options.web);
        iot.attach(web.server);
        await web.listen(options.web.port, options.web.host ?? '127.0.0.1');
        opened.push(web);
      }

      const running = await stepFunctions.resume();
      log(`Step Functions resumed ${running} running execution(s)`);
      return new LocalCloud(region, edge, dynamodb, outbox, iot, stepFunctions, lambda, web);
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
    await this.web?.close();
    await this.edge.close();
    await this.iot.close();
    await this.stepFunctions.close();
    await this.dynamodb.close();
  }
}
