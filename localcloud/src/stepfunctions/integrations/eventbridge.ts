import { StatesError } from '../errors.js';
import type { AwsJsonClient } from './aws-json-call.js';
import { serviceCause } from './service-cause.js';

/**
 * The optimized EventBridge integration (`arn:aws:states:::events:putEvents`). A `Detail` given as
 * JSON is sent as its text; an entry EventBridge rejects fails the task with
 * `EventBridge.FailedEntry`, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html
 */
export class EventBridgeIntegration {
  constructor(private readonly client: AwsJsonClient) {}

  /** Whether the action is one this integration offers. */
  supports(action: string): action is 'putEvents' {
    return action === 'putEvents';
  }

  /** Calls PutEvents with the task's parameters. */
  async call(_action: 'putEvents', parameters: unknown): Promise<unknown> {
    const entries = ((parameters as { Entries?: unknown[] } | null)?.Entries ?? []).map(toEntry);
    let result: Record<string, unknown>;
    try {
      result = await this.client.call('AWSEvents.PutEvents', { Entries: entries });
    } catch (error) {
      if (error instanceof Error) {
        throw new StatesError(`EventBridge.${error.name}`, serviceCause('AmazonEventBridge', error), {
          original: error,
        });
      }
      throw new StatesError('EventBridge.AmazonEventBridgeException', String(error));
    }
    if (Number(result.FailedEntryCount ?? 0) > 0) {
      throw new StatesError('EventBridge.FailedEntry', JSON.stringify(result));
    }
    return result;
  }
}

/** An entry as the wire takes it: `Detail` as text, `Time` in epoch seconds. */
function toEntry(entry: unknown): Record<string, unknown> {
  const { Detail, Time, ...rest } = (entry ?? {}) as Record<string, unknown>;
  return {
    ...rest,
    ...(Detail !== undefined && { Detail: typeof Detail === 'string' ? Detail : JSON.stringify(Detail) }),
    ...(Time !== undefined && { Time: Date.parse(String(Time)) / 1000 }),
  };
}
