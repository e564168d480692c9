import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { eventBusNameField, type Input, RULE_NAME, requiredString } from '../request-fields.js';

/**
 * DisableRule: the rule stops routing events until it is enabled.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DisableRule.html
 */
export async function disableRule(service: EventBridgeService, input: Input) {
  await service.setRuleState(
    busNameOf(eventBusNameField(input)),
    requiredString(input, 'Name', { min: 1, max: 64, pattern: RULE_NAME }),
    'DISABLED',
  );
  return {};
}
