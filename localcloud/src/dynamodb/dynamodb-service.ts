import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type AwsJsonService,
  AwsServiceError,
  answerAwsJson,
  readBody,
  serveAwsJson,
} from '../edge/aws-json-service.js';
import { type EdgeRoute, writeAnswer } from '../edge/edge-route.js';
import { errorAnswer } from './dynalite-protocol.js';
import { DynaliteThread } from './dynalite-thread.js';
import { DEFAULT_SWEEP_INTERVAL_MS, TimeToLive } from './time-to-live.js';

/** The JSON protocol target prefix of DynamoDB requests. */
const TARGET_PREFIX = 'DynamoDB_20120810.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** The actions answered here rather than by dynalite, which lacks them. */
const OWN_ACTIONS = new Set(['UpdateTimeToLive', 'DescribeTimeToLive']);

/**
 * DynamoDB, served by dynalite with its data on disk, on a thread of its own (see
 * {@link DynaliteThread}), plus Time to Live, which dynalite lacks (see {@link TimeToLive}). The
 * edge hands DynamoDB requests to dynalite's thread; dynalite also listens on a loopback port, which
 * the TTL sweeper calls.
 */
export class DynamoDbService {
  private readonly ttlService: AwsJsonService;

  private constructor(
    private readonly dynalite: DynaliteThread,
    private readonly client: DynamoDBClient,
    /** Time to Live: its settings and sweeper. */
    readonly timeToLive: TimeToLive,
  ) {
    this.ttlService = {
      targetPrefix: 'DynamoDB_20120810',
      contentType: CONTENT_TYPE,
      actions: {
        UpdateTimeToLive: (input) => timeToLive.update(input),
        DescribeTimeToLive: (input) => timeToLive.describe(input),
      },
    };
  }

  /**
   * Opens the store under `dataDir`; expired items are swept every `sweepIntervalMs`; a table
   * stays in a passing status (`CREATING`...) for `tableStatusMs`.
   */
  static async start(options: {
    dataDir: string;
    sweepIntervalMs?: number;
    tableStatusMs?: number;
  }): Promise<DynamoDbService> {
    mkdirSync(options.dataDir, { recursive: true });
    const dynalite = await DynaliteThread.start(options.dataDir, options.tableStatusMs);
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${dynalite.port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'localcloud', secretAccessKey: 'localcloud' },
    });
    const timeToLive = new TimeToLive(client, join(options.dataDir, 'time-to-live.json'));
    timeToLive.start(options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
    return new DynamoDbService(dynalite, client, timeToLive);
  }

  /** The edge route answering `X-Amz-Target: DynamoDB_20120810.*`. */
  route(): EdgeRoute {
    return {
      matches: (request) => String(request.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX),
      handle: async (request: IncomingMessage, response: ServerResponse) => {
        const action = String(request.headers['x-amz-target']).slice(TARGET_PREFIX.length);
        if (OWN_ACTIONS.has(action))
          return serveAwsJson(this.ttlService, action, request, response, 'us-east-1');
        const body = await readBody(request);
        if (!body)
          return writeAnswer(
            response,
            errorAnswer(new AwsServiceError('SerializationException', 'Request body too large', 413)),
          );
        // A body that finished arriving after close began is refused by the closing thread.
        writeAnswer(
          response,
          await this.dynalite.call({
            method: request.method ?? 'POST',
            url: request.url ?? '/',
            headers: request.headers,
            body,
          }),
        );
      },
      answerCall: (target, body, region) => {
        if (!target.startsWith(TARGET_PREFIX)) return undefined;
        const action = target.slice(TARGET_PREFIX.length);
        if (OWN_ACTIONS.has(action)) return answerAwsJson(this.ttlService, action, body, region);
        return this.dynalite.call({
          method: 'POST',
          url: '/',
          headers: { ...unsignedHeaders(region), 'x-amz-target': target, 'content-type': CONTENT_TYPE },
          body: Buffer.from(body),
        });
      },
    };
  }

  /** Waits for pending operations and closes the store. */
  async close(): Promise<void> {
    await this.timeToLive.stop();
    this.client.destroy();
    // Refuses later requests, answers those handed over, then closes the store.
    await this.dynalite.close();
  }
}

/**
 * The signing headers of a call made in the process: dynalite wants a SigV4 `Authorization` (with
 * the region in its credential scope) and a date, and checks no signature.
 */
function unsignedHeaders(region: string): Record<string, string> {
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const scope = `${date.slice(0, 8)}/${region}/dynamodb/aws4_request`;
  return {
    'x-amz-date': date,
    authorization: `AWS4-HMAC-SHA256 Credential=localcloud/${scope}, SignedHeaders=host;x-amz-date, Signature=unsigned`,
  };
}
