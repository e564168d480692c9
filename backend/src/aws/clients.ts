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
 * through {@link DocumentTables}, since the document client cannot cache.
 */
export const aws = {
  dynamodb: lazy(() => new DocumentTables(new DynamoDBClient({ cacheMiddleware: true }))),
  events: lazy(() => new EventBridgeClient({ cacheMiddleware: true })),
  stepFunctions: lazy(() => new SFNClient({ cacheMiddleware: true })),
  iotData: lazy(
    () =>
      new IoTDataPlaneClient({
        cacheMiddleware: true,
        ...(process.env.IOT_DATA_ENDPOINT && { endpoint: process.env.IOT_DATA_ENDPOINT }),
      }),
  ),
};

function lazy<T>(create: () => T): () => T {
  let client: T | undefined;
  return () => {
    client ??= create();
    return client;
  };
}
