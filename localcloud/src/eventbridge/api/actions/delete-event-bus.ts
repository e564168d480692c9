import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { EVENT_BUS_NAME, type Input, requiredString } from '../request-fields.js';

/**
 * DeleteEventBus: a custom bus, with its rules and their targets (as the user guide says); the
 * default bus cannot be deleted, and deleting a bus that does not exist succeeds.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DeleteEventBus.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/event-bus-delete.html
 */
export async function deleteEventBus(service: EventBridgeService, input: Input) {
  await service.deleteEventBus(requiredString(input, 'Name', { min: 1, max: 256, pattern: EVENT_BUS_NAME }));
  return {};
}
