import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IoTDataPlaneClient } from '@aws-sdk/client-iot-data-plane';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DocumentTables } from './document-tables.js';

/**
 * The AWS clients of the backend, created once per process. They take their endpoint, region and
 * credentials from the environment as every AWS SDK client does (`AWS_ENDPOINT_URL`,
 * `AWS_REGION`): the local cloud sets them to its edge, Lambda to AWS.
 *
 * Each client builds a command's middleware once per command type instead of on every call
 * (`cacheMiddleware`), which took 7–33% off the CPU of each call on the calling thread in our runs
 * (`npm run bench`, "The parts' own limits"); an order makes about 35 calls. DynamoDB is reached
 * through {@link DocumentTables}, since the document client cannot cache. No client logs its
 * calls (see {@link withoutCallLog}).
 */
export const aws = {
  dynamodb: lazy(() => new DocumentTables(withoutCallLog(new DynamoDBClient({ cacheMiddleware: true })))),
  events: lazy(() => withoutCallLog(new EventBridgeClient({ cacheMiddleware: true }))),
  stepFunctions: lazy(() => withoutCallLog(new SFNClient({ cacheMiddleware: true }))),
  iotData: lazy(() =>
    withoutCallLog(
      new IoTDataPlaneClient({
        cacheMiddleware: true,
        ...(process.env.IOT_DATA_ENDPOINT && { endpoint: process.env.IOT_DATA_ENDPOINT }),
      }),
    ),
  ),
};

/**
 * Removes the SDK's logger middleware from `client`. It copies every call's input and output with
 * their sensitive fields masked, for a logger the backend never configures, which drops the copies:
 * 2 to 7% of each call's CPU on the calling thread (GetItem, UpdateItem, PutEvents, Publish,
 * measured one after another against the local cloud). Errors still reach the caller, and Lambda
 * logs the functions' own output.
 */
export function withoutCallLog<Client extends { middlewareStack: { remove(name: string): boolean } }>(
  client: Client,
): Client {
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
