import { StatesError } from '../errors.js';
import { localEndpoint, type ServiceEndpoints, serviceCause } from './aws-clients.js';
import { AwsJsonClient } from './aws-json-call.js';

type DynamoDbAction = 'getItem' | 'putItem' | 'updateItem' | 'deleteItem';

/** The API action of each integration action. */
const ACTIONS: Record<DynamoDbAction, string> = {
  getItem: 'GetItem',
  putItem: 'PutItem',
  updateItem: 'UpdateItem',
  deleteItem: 'DeleteItem',
};
/**
 * The optimized DynamoDB integration (`arn:aws:states:::dynamodb:<action>`). Errors reach Catch as
 * `DynamoDB.<ExceptionName>`, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
export class DynamoDbIntegration {
  private client: AwsJsonClient | undefined;

  constructor(private readonly endpoints: ServiceEndpoints) {}

  /** Whether the action is one this integration offers. */
  supports(action: string): action is DynamoDbAction {
    return Object.hasOwn(ACTIONS, action);
  }

  /** Calls the action with the task's parameters. */
  async call(action: DynamoDbAction, parameters: unknown): Promise<unknown> {
    this.client ??= new AwsJsonClient(
      localEndpoint('DynamoDB', this.endpoints.dynamodb),
      this.endpoints.region,
      'dynamodb',
    );
    try {
      // The parameters are the API request exactly as the state machine wrote it, wire format and all.
      return await this.client.call(
        `DynamoDB_20120810.${ACTIONS[action]}`,
        'application/x-amz-json-1.0',
        parameters,
      );
    } catch (error) {
      throw toDynamoDbError(error);
    }
  }

  /** Releases the client's connections. */
  close(): void {
    this.client?.close();
  }
}

function toDynamoDbError(error: unknown): StatesError {
  if (error instanceof Error) {
    return new StatesError(`DynamoDB.${error.name}`, serviceCause('AmazonDynamoDBv2', error), {
      original: error,
    });
  }
  return new StatesError('DynamoDB.AmazonDynamoDBException', String(error));
}
