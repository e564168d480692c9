import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { type CoffeeEvent, toBusEntry } from '../contracts/events.js';
import { InternalError } from '../errors.js';

/**
 * Puts one event of the shop on its bus (`source` and detail-type from the contracts, the detail
 * checked against its schema). An entry EventBridge refuses is a fault: it throws an
 * `InternalError` naming EventBridge's reason, never dropping the event silently.
 */
export async function publishEvent(event: CoffeeEvent): Promise<void> {
  const entry = { ...toBusEntry(event), EventBusName: names.eventBus() };
  const result = await aws.events().send(new PutEventsCommand({ Entries: [entry] }));
  const failed = result.Entries?.[0];
  if ((result.FailedEntryCount ?? 0) > 0 || failed?.ErrorCode) {
    throw new InternalError(
      `EventBridge refused ${entry.DetailType}: ${failed?.ErrorCode ?? 'unknown'} ${failed?.ErrorMessage ?? ''}`.trim(),
    );
  }
}
