import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { parseTarget } from '../parse-target.js';
import { eventBusNameField, type Input, RULE_NAME, requiredList, requiredString } from '../request-fields.js';

/**
 * PutTargets: adds targets to a rule or updates them by id. Targets are state machines or Lambda
 * functions; any other ARN is refused with a ValidationException.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html
 */
export async function putTargets(service: EventBridgeService, input: Input) {
  const rule = requiredString(input, 'Rule', { min: 1, max: 64, pattern: RULE_NAME });
  const busName = busNameOf(eventBusNameField(input));
  const targets = requiredList(input, 'Targets', 1, 10).map(parseTarget);
  await service.putTargets(busName, rule, targets);
  return { FailedEntryCount: 0, FailedEntries: [] };
}
