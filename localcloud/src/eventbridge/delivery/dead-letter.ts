import type { DeadLetterRecord, ExhaustedRetryCondition } from '../store/records.js';

/**
 * A dead-lettered delivery as the dead-letter route and {@link EventBridgeService.listDeadLetters}
 * show it: the event, where it was going, why it failed and when. It carries what AWS puts in a
 * dead-letter queue message (error code and message, exhausted retry condition, retry attempts,
 * rule ARN, target ARN).
 */
export interface DeadLetter {
  id: string;
  event: unknown;
  eventBusName: string;
  rule: { name: string; arn: string };
  target: { id: string; arn: string };
  error: { code: string; message: string };
  attempts: number;
  exhaustedRetryCondition?: ExhaustedRetryCondition;
  /** ISO 8601 times. */
  acceptedAt: string;
  lastAttemptAt: string;
  deadLetteredAt: string;
}

/** The view of a stored dead letter. */
export function toDeadLetter(record: DeadLetterRecord): DeadLetter {
  return {
    id: record.id,
    event: JSON.parse(record.event),
    eventBusName: record.eventBusName,
    rule: record.rule,
    target: { id: record.target.Id, arn: record.target.Arn },
    error: record.error,
    attempts: record.attempts,
    ...(record.exhaustedRetryCondition !== undefined && {
      exhaustedRetryCondition: record.exhaustedRetryCondition,
    }),
    acceptedAt: new Date(record.acceptedAt).toISOString(),
    lastAttemptAt: new Date(record.lastAttemptAt).toISOString(),
    deadLetteredAt: new Date(record.deadLetteredAt).toISOString(),
  };
}
