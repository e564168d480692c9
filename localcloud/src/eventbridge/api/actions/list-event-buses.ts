import type { EventBridgeService } from '../../service/event-bridge-service.js';
import {
  EVENT_BUS_NAME,
  type Input,
  nextTokenField,
  optionalInteger,
  optionalString,
} from '../request-fields.js';
import { wireEventBus } from '../wire.js';

/**
 * ListEventBuses: by name, optionally those beginning with `NamePrefix`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListEventBuses.html
 */
export async function listEventBuses(service: EventBridgeService, input: Input) {
  const page = service.listEventBuses(
    optionalString(input, 'NamePrefix', { min: 1, max: 256, pattern: EVENT_BUS_NAME }),
    optionalInteger(input, 'Limit', 1, 100),
    nextTokenField(input),
  );
  return {
    EventBuses: page.items.map(wireEventBus),
    ...(page.nextToken !== undefined && { NextToken: page.nextToken }),
  };
}
