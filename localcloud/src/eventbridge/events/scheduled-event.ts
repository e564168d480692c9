import type { RuleRecord } from '../store/records.js';
import { type BuiltEvent, buildEvent, type EventOrigin } from './build-event.js';

/** The `detail-type` of the events scheduled rules send. */
export const SCHEDULED_EVENT_DETAIL_TYPE = 'Scheduled Event';

/** The `source` of the events scheduled rules send: EventBridge itself. */
export const SCHEDULED_EVENT_SOURCE = 'aws.events';

/**
 * The event one tick of a scheduled rule sends its targets: from `aws.events`, `detail-type`
 * `Scheduled Event`, the rule's ARN as its one resource, an empty `detail`, and the tick's time
 * (`origin.receivedAt`).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-rule-schedule.html
 */
export function buildScheduledEvent(rule: RuleRecord, origin: EventOrigin): BuiltEvent {
  return buildEvent(
    {
      source: SCHEDULED_EVENT_SOURCE,
      detailType: SCHEDULED_EVENT_DETAIL_TYPE,
      detail: { text: '{}', value: {} },
      resources: [rule.arn],
      eventBusName: rule.eventBusName,
    },
    origin,
  );
}
