import { busNameOf } from '../../arns.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import {
  eventBusNameField,
  type Input,
  nextTokenField,
  optionalInteger,
  optionalString,
  RULE_NAME,
} from '../request-fields.js';
import { wireRule } from '../wire.js';

/**
 * ListRules: the rules of a bus, by name, optionally those beginning with `NamePrefix`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListRules.html
 */
export async function listRules(service: EventBridgeService, input: Input) {
  const page = service.listRules(
    busNameOf(eventBusNameField(input)),
    optionalString(input, 'NamePrefix', { min: 1, max: 64, pattern: RULE_NAME }),
    optionalInteger(input, 'Limit', 1, 100),
    nextTokenField(input),
  );
  return {
    Rules: page.items.map(wireRule),
    ...(page.nextToken !== undefined && { NextToken: page.nextToken }),
  };
}
