import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IoTDataPlaneClient } from '@aws-sdk/client-iot-data-plane';
import { SFNClient } from '@aws-sdk/client-sfn';
import { UndiciHttpHandler } from '@smithy/undici-http-handler';
import toFastProperties from 'to-fast-properties';
import { DocumentTables } from './document-tables.js';

/**
 * The AWS clients of the backend, created once per process. They take their endpoint, region and
 * credentials from the environment as every AWS SDK client does (`AWS_ENDPOINT_URL`,
 * `AWS_REGION`): the local cloud sets them to its edge, Lambda to AWS.
 *
 * Each client builds a command's middleware once per command type instead of on every call
 * (`cacheMiddleware`), which took 7–33% off the CPU of each call on the calling thread in our runs
 * (`npm run bench`, "The parts' own limits"); an order makes about 35 calls. DynamoDB is reached
 * through {@link DocumentTables}, since the document client cannot cache. Each client is made
 * lean ({@link leanClient}), and sends its requests with {@link UndiciHttpHandler}, the SDK's
 * request handler on Node's undici HTTP client, instead of the default one on `node:http`. A call
 * made alone costs the calling thread 2 to 6% less CPU (`npm run bench`, "The parts' own limits"),
 * and more with many in flight: in three alternated pairs of 50-at-once rushes, the shop's CPU per
 * order fell by 7%. It costs at a cold start on AWS: undici adds about 560 KB to each function's
 * bundle and 52 ms to loading it (measured on a 2-core x86 machine).
 */
export const aws = {
  dynamodb: lazy(() => new DocumentTables(leanClient(new DynamoDBClient(configuration())))),
  events: lazy(() => leanClient(new EventBridgeClient(configuration()))),
  stepFunctions: lazy(() => leanClient(new SFNClient(configuration()))),
  iotData: lazy(() =>
    leanClient(
      new IoTDataPlaneClient({
        ...configuration(),
        ...(process.env.IOT_DATA_ENDPOINT && { endpoint: process.env.IOT_DATA_ENDPOINT }),
      }),
    ),
  ),
};

/** What every client of {@link aws} is configured with besides the environment's settings. */
function configuration() {
  return { cacheMiddleware: true, requestHandler: new UndiciHttpHandler() };
}

/** Any AWS SDK v3 client, as {@link leanClient} and {@link withoutCallLog} take it. */
interface SdkClient {
  middlewareStack: { remove(name: string): boolean };
  config: object;
}

/**
 * `client` as the backend uses every AWS SDK client: without its call log ({@link withoutCallLog}),
 * and with its resolved configuration in V8's fast-properties form. The SDK builds that
 * configuration by adding some fifty properties, one resolver after another, which leaves it a
 * dictionary; then it copies the whole of it (`{ ...config }`) three or four times on every call
 * (endpoint, serializer, deserializer, signer), and a copy of a dictionary takes V8's slow path.
 * Made fast once, the copies took 12 to 16% off a call's CPU on the calling thread (`npm run bench`,
 * "The parts' own limits": GetItem 0.543 → 0.472 ms, Publish 0.478 → 0.416 ms). Only the object's
 * internal layout changes, not its properties or their values.
 */
export function leanClient<Client extends SdkClient>(client: Client): Client {
  toFastProperties(withoutCallLog(client).config);
  return client;
}

/**
 * Removes the SDK's logger middleware from `client`. It copies every call's input and output with
 * their sensitive fields masked, for a logger the backend never configures, which drops the copies:
 * 2 to 7% of each call's CPU on the calling thread (GetItem, UpdateItem, PutEvents, Publish,
 * measured one after another against the local cloud). Errors still reach the caller, and Lambda
 * logs the functions' own output.
 */
export function withoutCallLog<Client extends Pick<SdkClient, 'middlewareStack'>>(client: Client): Client {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

function lazy<T>(create: () => T): () => T {
  let client: T | undefined;
  return () => {
    client ??= create();
    return client;
  };
}
