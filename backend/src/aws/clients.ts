import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IoTDataPlaneClient } from '@aws-sdk/client-iot-data-plane';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The AWS clients of the backend, created once per process. They take their endpoint, region and
 * credentials from the environment as every AWS SDK client does (`AWS_ENDPOINT_URL`,
 * `AWS_REGION`): the local cloud sets them to its edge, Lambda to AWS.
 */
export const aws = {
  dynamodb: lazy(() =>
    DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } }),
  ),
  events: lazy(() => new EventBridgeClient({})),
  stepFunctions: lazy(() => new SFNClient({})),
  iotData: lazy(
    () =>
      new IoTDataPlaneClient(
        process.env.IOT_DATA_ENDPOINT ? { endpoint: process.env.IOT_DATA_ENDPOINT } : {},
      ),
  ),
};

function lazy<T>(create: () => T): () => T {
  let client: T | undefined;
  return () => {
    client ??= create();
    return client;
  };
}
