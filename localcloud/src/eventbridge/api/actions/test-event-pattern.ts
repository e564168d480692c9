import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { type Input, requiredString } from '../request-fields.js';

/**
 * TestEventPattern: whether an event matches a pattern.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html
 */
export async function testEventPattern(service: EventBridgeService, input: Input) {
  const pattern = requiredString(input, 'EventPattern', { max: 4096 });
  const event = requiredString(input, 'Event');
  return { Result: service.testEventPattern(pattern, event) };
}
