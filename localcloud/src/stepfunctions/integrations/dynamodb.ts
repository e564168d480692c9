import { StatesError } from '../errors.js';
import type { AwsJsonClient } from './aws-json-call.js';
import { serviceCause } from './service-cause.js';

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
  constructor(private readonly client: AwsJsonClient) {}

  /** Whether the action is one this integration offers. */
  supports(action: string): action is DynamoDbAction {
    return Object.hasOwn(ACTIONS, action);
  }

  /** Calls the action with the task's parameters. */
  async call(action: DynamoDbAction, parameters: unknown): Promise<unknown> {
    try {
      // The parameters are the API request exactly as the state machine wrote it, wire format and all.
      return await this.client.call(`DynamoDB_20120810.${ACTIONS[action]}`, parameters);
    } catch (error) {
      throw toDynamoDbError(error);
    }
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
