import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import dynalite from 'dynalite';
import type { EdgeRoute } from '../edge/edge-route.js';

/** The JSON protocol target prefix of DynamoDB requests. */
const TARGET_PREFIX = 'DynamoDB_20120810.';

/**
 * DynamoDB, served by dynalite in process with its data on disk. The edge hands DynamoDB
 * requests straight to dynalite's request handler; its own server listens on a loopback port
 * only so that its shutdown closes the store cleanly.
 */
export class DynamoDbService {
  private constructor(private readonly server: Server) {}

  /** Opens the store under `dataDir`. */
  static async start(options: { dataDir: string }): Promise<DynamoDbService> {
    mkdirSync(options.dataDir, { recursive: true });
    const server = dynalite({ path: options.dataDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new DynamoDbService(server);
  }

  /** The edge route answering `X-Amz-Target: DynamoDB_20120810.*`. */
  route(): EdgeRoute {
    return {
      matches: (request) => String(request.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX),
      handle: async (request: IncomingMessage, response: ServerResponse) => {
        const finished = new Promise<void>((resolve) => response.once('close', resolve));
        this.server.emit('request', request, response);
        await finished;
      },
    };
  }

  /** Waits for pending operations and closes the store. */
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
