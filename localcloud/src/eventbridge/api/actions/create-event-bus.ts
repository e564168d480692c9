import { ValidationException } from '../../errors.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { EVENT_BUS_NAME, type Input, optionalString, requiredString } from '../request-fields.js';

/**
 * CreateEventBus: a custom event bus. Partner event buses (`EventSourceName`) are not supported.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html
 */
export async function createEventBus(service: EventBridgeService, input: Input) {
  const name = requiredString(input, 'Name', { min: 1, max: 256, pattern: EVENT_BUS_NAME });
  if (optionalString(input, 'EventSourceName') !== undefined) {
    throw new ValidationException(
      'Partner event buses (EventSourceName) are not supported by the local EventBridge.',
    );
  }
  const description = optionalString(input, 'Description', { max: 512 });
  const bus = await service.createEventBus(name, description);
  return { EventBusArn: bus.arn, ...(bus.description !== undefined && { Description: bus.description }) };
}
