import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { eventBusNameField, type Input, RULE_NAME, requiredString } from '../request-fields.js';

/**
 * EnableRule: the rule routes events again.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_EnableRule.html
 */
export async function enableRule(service: EventBridgeService, input: Input) {
  await service.setRuleState(
    busNameOf(eventBusNameField(input)),
    requiredString(input, 'Name', { min: 1, max: 64, pattern: RULE_NAME }),
    'ENABLED',
  );
  return {};
}
