/**
 * What the EventBridge store keeps: event buses, rules, their targets, the deliveries not yet
 * done and the dead-lettered ones. Targets keep the API's own shape, so ListTargetsByRule answers
 * with what PutTargets was given.
 */

/** An event bus. Times are epoch milliseconds. */
export interface EventBusRecord {
  name: string;
  arn: string;
  description?: string;
  creationTime: number;
  lastModifiedTime: number;
}

/** Whether a rule routes events. */
export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

/** A rule of an event bus: it has an event pattern, a schedule, or both. */
export interface RuleRecord {
  name: string;
  arn: string;
  eventBusName: string;
  /** The event pattern as given (JSON text). */
  eventPattern?: string;
  /** `rate(...)` or `cron(...)`, as given; only rules of the default bus have one. */
  scheduleExpression?: string;
  state: RuleState;
  description?: string;
  roleArn?: string;
}

/** An input transformer: variables read from the event by JSONPath, and the template using them. */
export interface InputTransformer {
  InputPathsMap?: Record<string, string>;
  InputTemplate: string;
}

/**
 * How long and how often a failed delivery is retried.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html
 */
export interface RetryPolicy {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
}

/**
 * A target of a rule, in the API's shape. Of `Input`, `InputPath` and `InputTransformer` at most
 * one is set; none means the whole event.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html
 */
export interface Target {
  Id: string;
  Arn: string;
  RoleArn?: string;
  Input?: string;
  InputPath?: string;
  InputTransformer?: InputTransformer;
  RetryPolicy?: RetryPolicy;
  DeadLetterConfig?: { Arn?: string };
}

/** A target as stored, with the rule it belongs to. */
export interface TargetRecord {
  eventBusName: string;
  ruleName: string;
  target: Target;
}

/** Why a delivery failed: the error's name and message. */
export interface DeliveryError {
  code: string;
  message: string;
}

/** The rule a delivery comes from. */
export interface RuleRef {
  name: string;
  arn: string;
}

/**
 * One event to deliver to one target, written when PutEvents accepts the event and deleted once
 * delivered, so a restart delivers whatever was pending. Times are epoch milliseconds.
 */
export interface DeliveryRecord {
  id: string;
  eventId: string;
  /** The event as JSON text. */
  event: string;
  eventBusName: string;
  rule: RuleRef;
  /** The target as it was when the event matched. */
  target: Target;
  /** When the event was accepted; its age, for the retry policy, counts from here. */
  acceptedAt: number;
  /** Attempts made so far. */
  attempts: number;
  nextAttemptAt: number;
  lastAttemptAt?: number;
  lastError?: DeliveryError;
}

/** Which limit of the retry policy ended the retries. */
export type ExhaustedRetryCondition = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';

/** A delivery that failed for good, kept until it is redriven. */
export interface DeadLetterRecord {
  id: string;
  eventId: string;
  event: string;
  eventBusName: string;
  rule: RuleRef;
  target: Target;
  attempts: number;
  acceptedAt: number;
  lastAttemptAt: number;
  deadLetteredAt: number;
  error: DeliveryError;
  /** Absent when the error was not worth retrying (a target that does not exist). */
  exhaustedRetryCondition?: ExhaustedRetryCondition;
}
