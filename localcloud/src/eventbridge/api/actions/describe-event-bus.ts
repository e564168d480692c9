import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { eventBusNameField, type Input } from '../request-fields.js';
import { wireEventBus } from '../wire.js';

/**
 * DescribeEventBus: by name or ARN; the default bus when none is given.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeEventBus.html
 */
export async function describeEventBus(service: EventBridgeService, input: Input) {
  return wireEventBus(service.describeEventBus(busNameOf(eventBusNameField(input, 'Name'))));
}
