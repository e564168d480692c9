import { busNameOf } from '../../arns.js';
import { ValidationException } from '../../errors.js';
import type { EventBridgeService } from '../../service/event-bridge-service.js';
import type { RuleState } from '../../store/records.js';
import {
  eventBusNameField,
  type Input,
  optionalString,
  RULE_NAME,
  requiredString,
} from '../request-fields.js';

const STATES: readonly RuleState[] = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];

/**
 * PutRule: creates or replaces a rule (its targets stay). A rule has an `EventPattern`, a
 * `ScheduleExpression` (`rate(...)` or `cron(...)`, default bus only), or both.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html
 */
export async function putRule(service: EventBridgeService, input: Input) {
  const state = optionalString(input, 'State');
  if (state !== undefined && !STATES.includes(state as RuleState)) {
    throw new ValidationException(
      `Value '${state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [${STATES.join(', ')}]`,
    );
  }
  const eventPattern = optionalString(input, 'EventPattern', { max: 4096 });
  const scheduleExpression = optionalString(input, 'ScheduleExpression', { max: 256 });
  const description = optionalString(input, 'Description', { max: 512 });
  const roleArn = optionalString(input, 'RoleArn', { min: 1, max: 1600 });
  const rule = await service.putRule({
    name: requiredString(input, 'Name', { min: 1, max: 64, pattern: RULE_NAME }),
    eventBusName: busNameOf(eventBusNameField(input)),
    ...(eventPattern !== undefined && { eventPattern }),
    ...(scheduleExpression !== undefined && { scheduleExpression }),
    ...(state !== undefined && { state: state as RuleState }),
    ...(description !== undefined && { description }),
    ...(roleArn !== undefined && { roleArn }),
  });
  return { RuleArn: rule.arn };
}
