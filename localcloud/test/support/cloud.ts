import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { LocalCloud, type LocalCloudOptions } from '../../src/local-cloud.js';
import { suiteResource } from './suite.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The region and dummy credentials of an SDK client of the test cloud's edge at `endpoint`. */
export function sdkConfig(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
}

/** Creates a table and waits until it is ACTIVE: as on AWS, a new table takes items only then. */
export async function createActiveTable(
  dynamodb: DynamoDBClient,
  table: CreateTableCommandInput,
): Promise<void> {
  await dynamodb.send(new CreateTableCommand(table));
  await waitUntilTableExists(
    { client: dynamodb, maxWaitTime: 10, minDelay: 0.02, maxDelay: 0.1 },
    { TableName: table.TableName },
  );
}

/** A local cloud on a free port with a fresh data folder, and an SFN client pointed at it. */
export interface TestCloud {
  cloud: LocalCloud;
  sfn: SFNClient;
  dataDir: string;
  /** Stops the cloud and opens it again on the same data, as after a restart. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a local cloud for a test file. A `lambda` registry given here is kept across restarts, so
 * a task interrupted by a restart finds its function when it runs again.
 */
export async function startTestCloud(
  options: Pick<LocalCloudOptions, 'lambda' | 'tableStatusMs'> = {},
): Promise<TestCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-test-'));
  const holder = { cloud: await LocalCloud.start({ dataDir, edgePort: 0, ...options }) };
  const client = () => new SFNClient(sdkConfig(holder.cloud.endpoint));
  const test: TestCloud = {
    cloud: holder.cloud,
    sfn: client(),
    dataDir,
    async restart() {
      await holder.cloud.stop();
      holder.cloud = await LocalCloud.start({ dataDir, edgePort: 0, ...options });
      test.cloud = holder.cloud;
      test.sfn.destroy();
      test.sfn = client();
    },
    async stop() {
      test.sfn.destroy();
      await holder.cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}

/**
 * Starts a local cloud for the whole test file (as {@link startTestCloud}) in `beforeAll`, runs
 * `setup` on it there (registering the file's functions, say), and stops it in `afterAll`. Declared
 * at the top of a file: `const t = useTestCloud();`, then `t.sfn` and `t.cloud` inside tests and hooks.
 */
export function useTestCloud({
  setup,
  ...options
}: Pick<LocalCloudOptions, 'lambda'> & { setup?: (t: TestCloud) => unknown } = {}): TestCloud {
  return suiteResource(
    'The test cloud',
    () => startTestCloud(options),
    (t) => t.stop(),
    setup,
  );
}

let machineCounter = 0;

/** Creates a state machine from a definition object and returns its ARN. */
export async function createMachine(sfn: SFNClient, definition: object, name?: string): Promise<string> {
  const result = await sfn.send(
    new CreateStateMachineCommand({
      name: name ?? `machine-${process.pid}-${++machineCounter}`,
      definition: JSON.stringify(definition),
      roleArn: 'arn:aws:iam::000000000000:role/test',
    }),
  );
  return result.stateMachineArn as string;
}

/** Polls DescribeExecution until the execution is no longer RUNNING. */
export async function waitForEnd(
  sfn: SFNClient,
  executionArn: string,
  timeoutMs = 10_000,
): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    if (Date.now() > deadline)
      throw new Error(`Execution still RUNNING after ${timeoutMs} ms: ${executionArn}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Starts an execution (on `input`, or none) without waiting for it and returns its ARN, for tests
 * that act on a running execution: answer its task token, stop it, or wait for it later.
 */
export async function startExecution(
  sfn: SFNClient,
  stateMachineArn: string,
  input?: unknown,
): Promise<string> {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn,
      ...(input !== undefined && { input: JSON.stringify(input) }),
    }),
  );
  return executionArn as string;
}

/** Starts an execution and waits for its end. */
export async function run(
  sfn: SFNClient,
  stateMachineArn: string,
  input: unknown = {},
): Promise<DescribeExecutionCommandOutput> {
  return waitForEnd(sfn, await startExecution(sfn, stateMachineArn, input));
}

/** The whole history of an execution. */
export async function historyOf(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** Polls until `predicate` holds. */
export async function eventually<T>(
  probe: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (predicate(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
