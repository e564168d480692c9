import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import {
  checkString,
  eventBusNameField,
  type Input,
  RULE_NAME,
  requiredList,
  requiredString,
} from '../request-fields.js';

/**
 * RemoveTargets: ids the rule does not have are ignored.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RemoveTargets.html
 */
export async function removeTargets(service: EventBridgeService, input: Input) {
  const rule = requiredString(input, 'Rule', { min: 1, max: 64, pattern: RULE_NAME });
  const busName = busNameOf(eventBusNameField(input));
  const ids = requiredList(input, 'Ids', 1, 100).map((id) => {
    const text = typeof id === 'string' ? id : '';
    checkString('Ids', text, { min: 1, max: 64, pattern: RULE_NAME });
    return text;
  });
  await service.removeTargets(busName, rule, ids);
  return { FailedEntryCount: 0, FailedEntries: [] };
}
