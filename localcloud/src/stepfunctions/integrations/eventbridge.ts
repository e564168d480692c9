import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { StatesError } from '../errors.js';
import { clientConfig, type ServiceEndpoints, serviceCause, withoutMetadata } from './aws-clients.js';

/**
 * The optimized EventBridge integration (`arn:aws:states:::events:putEvents`). A `Detail` given as
 * JSON is sent as its text; an entry EventBridge rejects fails the task with
 * `EventBridge.FailedEntry`, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html
 */
export class EventBridgeIntegration {
  private client: EventBridgeClient | undefined;

  constructor(private readonly endpoints: ServiceEndpoints) {}

  /** Whether the action is one this integration offers. */
  supports(action: string): action is 'putEvents' {
    return action === 'putEvents';
  }

  /** Calls PutEvents with the task's parameters. */
  async call(_action: 'putEvents', parameters: unknown): Promise<unknown> {
    this.client ??= new EventBridgeClient(clientConfig(this.endpoints, this.endpoints.events));
    const entries = ((parameters as { Entries?: unknown[] } | null)?.Entries ?? []).map(toEntry);
    let response: PutEventsCommandOutput;
    try {
      response = await this.client.send(new PutEventsCommand({ Entries: entries }));
    } catch (error) {
      if (error instanceof Error) {
        throw new StatesError(`EventBridge.${error.name}`, serviceCause('AmazonEventBridge', error), {
          original: error,
        });
      }
      throw new StatesError('EventBridge.AmazonEventBridgeException', String(error));
    }
    const result = withoutMetadata(response);
    if ((response.FailedEntryCount ?? 0) > 0) {
      throw new StatesError('EventBridge.FailedEntry', JSON.stringify(result));
    }
    return result;
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client?.destroy();
  }
}

function toEntry(entry: unknown): PutEventsRequestEntry {
  const { Detail, Time, ...rest } = (entry ?? {}) as Record<string, unknown>;
  return {
    ...(rest as PutEventsRequestEntry),
    ...(Detail !== undefined && { Detail: typeof Detail === 'string' ? Detail : JSON.stringify(Detail) }),
    ...(Time !== undefined && { Time: new Date(Time as string) }),
  };
}
