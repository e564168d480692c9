import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import { eventBusNameField, type Input, RULE_NAME, requiredString } from '../request-fields.js';
import { wireRule } from '../wire.js';

/**
 * DescribeRule.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeRule.html
 */
export async function describeRule(service: EventBridgeService, input: Input) {
  const rule = service.describeRule(
    busNameOf(eventBusNameField(input)),
    requiredString(input, 'Name', { min: 1, max: 64, pattern: RULE_NAME }),
  );
  return { ...wireRule(rule), CreatedBy: service.accountId };
}
