import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import {
  eventBusNameField,
  type Input,
  nextTokenField,
  optionalInteger,
  RULE_NAME,
  requiredString,
} from '../request-fields.js';

/**
 * ListTargetsByRule: the targets as PutTargets stored them, by id.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListTargetsByRule.html
 */
export async function listTargetsByRule(service: EventBridgeService, input: Input) {
  const page = service.listTargetsByRule(
    busNameOf(eventBusNameField(input)),
    requiredString(input, 'Rule', { min: 1, max: 64, pattern: RULE_NAME }),
    optionalInteger(input, 'Limit', 1, 100),
    nextTokenField(input),
  );
  return { Targets: page.items, ...(page.nextToken !== undefined && { NextToken: page.nextToken }) };
}
