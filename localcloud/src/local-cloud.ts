import { join } from 'node:path';
import { EdgeServer } from './edge/edge-server.js';
import { stepFunctionsService } from './stepfunctions/api/index.js';
import { type EngineOptions, StepFunctionsEngine } from './stepfunctions/engine/engine.js';
import type { LambdaRegistry } from './stepfunctions/integrations/index.js';

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
  /** Endpoints of services Task states call that the local cloud does not serve itself. */
  endpoints?: EngineOptions['endpoints'];
}

/**
 * The embedded AWS: the services and the edge port that speaks their wire protocols. The edge
 * always listens on loopback only: it is an administrator's door.
 */
export class LocalCloud {
  private constructor(
    readonly stepFunctions: StepFunctionsEngine,
    readonly edge: EdgeServer,
  ) {}

  /** Opens every service's store, resumes their work and starts the edge. */
  static async start(options: LocalCloudOptions): Promise<LocalCloud> {
    const region = options.region ?? 'us-east-1';
    const stepFunctions = await StepFunctionsEngine.open({
      dataDir: join(options.dataDir, 'stepfunctions'),
      region,
      ...(options.syncWrites !== undefined && { syncWrites: options.syncWrites }),
      ...(options.endpoints !== undefined && { endpoints: options.endpoints }),
      ...(options.lambda !== undefined && { lambda: options.lambda }),
    });
    const edge = new EdgeServer({ region, services: [stepFunctionsService(stepFunctions)] });
    try {
      await edge.listen(options.edgePort, '127.0.0.1');
    } catch (error) {
      await stepFunctions.close();
      throw error;
    }
    return new LocalCloud(stepFunctions, edge);
  }

  /** The edge's URL, the `endpoint` for the AWS SDK clients. */
  get endpoint(): string {
    return this.edge.url;
  }

  /** Stops the edge and closes the stores; running executions resume at the next start. */
  async stop(): Promise<void> {
    await this.edge.close();
    await this.stepFunctions.close();
  }
}
