import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { eventBusNameField, type Input, RULE_NAME, requiredString } from '../request-fields.js';

/**
 * DeleteRule: the rule must have no targets left; deleting a rule that does not exist succeeds.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DeleteRule.html
 */
export async function deleteRule(service: EventBridgeService, input: Input) {
  await service.deleteRule(
    busNameOf(eventBusNameField(input)),
    requiredString(input, 'Name', { min: 1, max: 64, pattern: RULE_NAME }),
  );
  return {};
}
