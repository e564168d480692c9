import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { type AwsJsonService, AwsServiceError, readBody, serveAwsJson } from '../edge/aws-json-service.js';
import type { EdgeRoute } from '../edge/edge-route.js';
import { checkDynamoDbRequest, replayedRequest } from './request-guard.js';
import { DEFAULT_SWEEP_INTERVAL_MS, TimeToLive } from './time-to-live.js';

/** The JSON protocol target prefix of DynamoDB requests. */
const TARGET_PREFIX = 'DynamoDB_20120810.';

/** The actions answered here rather than by dynalite, which lacks them. */
const OWN_ACTIONS = new Set(['UpdateTimeToLive', 'DescribeTimeToLive']);

/**
 * DynamoDB, served by dynalite in process with its data on disk, plus Time to Live, which dynalite
 * lacks (see {@link TimeToLive}). The edge hands DynamoDB requests straight to dynalite's request
 * handler; its own server listens on a loopback port so that its shutdown closes the store
 * cleanly, and so that the TTL sweeper can reach it.
 */
export class DynamoDbService {
  private readonly ttlService: AwsJsonService;
  /** The requests dynalite is answering now. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Set once {@link close} has begun: later requests are refused instead of reaching the store. */
  private closing = false;

  private constructor(
    private readonly server: Server,
    private readonly client: DynamoDBClient,
    /** Time to Live: its settings and sweeper. */
    readonly timeToLive: TimeToLive,
  ) {
    this.ttlService = {
      targetPrefix: 'DynamoDB_20120810',
      contentType: 'application/x-amz-json-1.0',
      actions: {
        UpdateTimeToLive: (input) => timeToLive.update(input),
        DescribeTimeToLive: (input) => timeToLive.describe(input),
      },
    };
  }

  /** Opens the store under `dataDir`; expired items are swept every `sweepIntervalMs`. */
  static async start(options: { dataDir: string; sweepIntervalMs?: number }): Promise<DynamoDbService> {
    mkdirSync(options.dataDir, { recursive: true });
    const server = dynalite({ path: options.dataDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'localcloud', secretAccessKey: 'localcloud' },
    });
    const timeToLive = new TimeToLive(client, join(options.dataDir, 'time-to-live.json'));
    timeToLive.start(options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
    return new DynamoDbService(server, client, timeToLive);
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
          return sendAwsError(
            response,
            new AwsServiceError('SerializationException', 'Request body too large', 413),
          );
        try {
          checkDynamoDbRequest(body);
        } catch (error) {
          if (error instanceof AwsServiceError) return sendAwsError(response, error);
          throw error;
        }
        // A body that finished arriving after close began must not reach a store about to close.
        if (this.closing)
          return sendAwsError(
            response,
            new AwsServiceError('ServiceUnavailable', 'DynamoDB is shutting down', 503),
          );
        // Done when dynalite ends its answer, not when the connection closes: a caller that hangs
        // up (or the edge closing its connections) must not let the store close under dynalite.
        const answered = new Promise<void>((resolve) => {
          const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
          response.end = ((...args: unknown[]) => {
            resolve();
            return end(...args);
          }) as typeof response.end;
        });
        this.inFlight.add(answered);
        this.server.emit('request', replayedRequest(request, body), response);
        await answered;
        this.inFlight.delete(answered);
      },
    };
  }

  /** Waits for pending operations and closes the store. */
  async close(): Promise<void> {
    // Requests handed to dynalite are not connections of its server, so its close would not wait
    // for them: a store closed under one makes dynalite throw outside any handler.
    this.closing = true;
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    await this.timeToLive.stop();
    this.client.destroy();
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}

/** An error in DynamoDB's JSON 1.0 format. */
function sendAwsError(response: ServerResponse, error: AwsServiceError): void {
  const body = JSON.stringify({ __type: `com.amazon.coral.service#${error.code}`, message: error.message });
  response.writeHead(error.status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
