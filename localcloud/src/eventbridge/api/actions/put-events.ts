import { ValidationException } from '../../errors.js';
import { entrySize, MAX_PUT_EVENTS_SIZE } from '../../events/entry-size.js';
import { isJsonObject } from '../../pattern/json-text.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { type Input, requiredList } from '../request-fields.js';

/** The most entries one PutEvents request may carry. */
const MAX_ENTRIES = 10;

/**
 * PutEvents: 1 to 10 entries of at most 256 KB together. Entries that fail are reported with
 * `ErrorCode` and `ErrorMessage` in their place, and counted in `FailedEntryCount`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 */
export async function putEvents(service: EventBridgeService, input: Input) {
  const entries = requiredList(input, 'Entries', 1, MAX_ENTRIES);
  const size = entries.reduce<number>(
    (total, entry) => total + (isJsonObject(entry) ? entrySize(entry) : 0),
    0,
  );
  if (size > MAX_PUT_EVENTS_SIZE) {
    throw new ValidationException('Total size of the entries in the request is over the limit.');
  }
  const results = await service.putEvents(entries);
  return {
    FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length,
    Entries: results,
  };
}
