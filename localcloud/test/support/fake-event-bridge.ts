import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One entry PutEvents received, as sent on the wire. */
export interface RecordedEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: number;
}

/** A stand-in EventBridge answering PutEvents, until the local cloud serves EventBridge itself. */
export interface FakeEventBridge {
  url: string;
  /** Every entry received, in order. */
  entries: RecordedEntry[];
  close(): Promise<void>;
}

/**
 * Starts an HTTP server that answers `AWSEvents.PutEvents` (JSON 1.1) and records the entries.
 * Entries whose `Source` is in `rejectSources` come back as failed entries, as EventBridge
 * reports an entry it could not take.
 */
export async function startFakeEventBridge(rejectSources: string[] = []): Promise<FakeEventBridge> {
  const entries: RecordedEntry[] = [];
  let counter = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(body));
      };
      if (request.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
        reply(400, { __type: 'UnknownOperationException', message: 'Only PutEvents is served' });
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: RecordedEntry[] };
      const results = (body.Entries ?? []).map((entry) => {
        entries.push(entry);
        return rejectSources.includes(entry.Source ?? '')
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'Rejected by the test' }
          : { EventId: `event-${++counter}` };
      });
      reply(200, {
        FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length,
        Entries: results,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    entries,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
