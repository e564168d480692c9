import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { StatesError } from '../errors.js';
import { clientConfig, type ServiceEndpoints, serviceCause, withoutMetadata } from './aws-clients.js';

type DynamoDbAction = 'getItem' | 'putItem' | 'updateItem' | 'deleteItem';

const COMMANDS = {
  getItem: GetItemCommand,
  putItem: PutItemCommand,
  updateItem: UpdateItemCommand,
  deleteItem: DeleteItemCommand,
} as const;

/**
 * The optimized DynamoDB integration (`arn:aws:states:::dynamodb:<action>`). Errors reach Catch as
 * `DynamoDB.<ExceptionName>`, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
export class DynamoDbIntegration {
  private client: DynamoDBClient | undefined;

  constructor(private readonly endpoints: ServiceEndpoints) {}

  /** Whether the action is one this integration offers. */
  supports(action: string): action is DynamoDbAction {
    return Object.hasOwn(COMMANDS, action);
  }

  /** Calls the action with the task's parameters. */
  async call(action: DynamoDbAction, parameters: unknown): Promise<unknown> {
    this.client ??= new DynamoDBClient(clientConfig(this.endpoints, this.endpoints.dynamodb));
    // The parameters are the API request exactly as the state machine wrote it.
    const Command = COMMANDS[action] as unknown as new (input: unknown) => GetItemCommand;
    try {
      const response = await this.client.send(new Command(parameters));
      return withoutMetadata(response as object);
    } catch (error) {
      throw toDynamoDbError(error);
    }
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client?.destroy();
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
