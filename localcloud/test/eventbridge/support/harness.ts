import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { EdgeServer } from '../../../src/edge/edge-server.js';
import { EventBridgeService, type EventBridgeServiceOptions } from '../../../src/eventbridge/index.js';
import { localTargetInvoker } from '../../../src/eventbridge/targets/local-target-invoker.js';
import { stepFunctionsService } from '../../../src/stepfunctions/api/index.js';
import { StepFunctionsEngine } from '../../../src/stepfunctions/engine/engine.js';
import { LambdaRegistry } from '../../../src/stepfunctions/integrations/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const REGION = 'us-east-1';

/**
 * An EventBridge service behind an edge on a free port, delivering to a real Step Functions engine
 * and Lambda registry, with SDK clients pointed at the edge.
 */
export interface EventBridgeHarness {
  dataDir: string;
  service: EventBridgeService;
  stepFunctions: StepFunctionsEngine;
  /** Kept across restarts, as the local cloud registers handlers before it opens. */
  lambda: LambdaRegistry;
  edge: EdgeServer;
  events: EventBridgeClient;
  sfn: SFNClient;
  /** Closes everything and opens it again on the same data, as after a restart. */
  restart(): Promise<void>;
  /** Closes everything and deletes the data. */
  stop(): Promise<void>;
}

/** Options of the harness's service; retries are a few milliseconds apart unless told otherwise. */
export type HarnessOptions = Pick<EventBridgeServiceOptions, 'retry' | 'now'>;

/** Starts a harness on a fresh data folder. */
export async function startHarness(options: HarnessOptions = {}): Promise<EventBridgeHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-eventbridge-'));
  const lambda = new LambdaRegistry(REGION);
  const parts = await openParts(dataDir, lambda, options);
  const harness: EventBridgeHarness = {
    dataDir,
    lambda,
    ...parts,
    async restart() {
      await closeParts(harness);
      Object.assign(harness, await openParts(dataDir, lambda, options));
    },
    async stop() {
      await closeParts(harness);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

async function openParts(dataDir: string, lambda: LambdaRegistry, options: HarnessOptions) {
  const stepFunctions = await StepFunctionsEngine.open({
    dataDir: join(dataDir, 'stepfunctions'),
    region: REGION,
    lambda,
  });
  const service = await EventBridgeService.open({
    dataDir: join(dataDir, 'eventbridge'),
    region: REGION,
    targets: localTargetInvoker({ stepFunctions, lambda }),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  const edge = new EdgeServer({
    region: REGION,
    services: [stepFunctionsService(stepFunctions), service.awsJsonService()],
    routes: service.routes(),
  });
  await edge.listen(0);
  const config = {
    endpoint: edge.url,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    // One attempt: LimitExceededException counts as throttling for the SDK, which would retry it.
    maxAttempts: 1,
  };
  return { stepFunctions, service, edge, events: new EventBridgeClient(config), sfn: new SFNClient(config) };
}

async function closeParts(harness: EventBridgeHarness): Promise<void> {
  harness.events.destroy();
  harness.sfn.destroy();
  await harness.edge.close();
  await harness.service.close();
  await harness.stepFunctions.close();
}
