/**
 * The local EventBridge: event buses, rules with event patterns or schedules (`rate(...)`,
 * `cron(...)`), targets (state machines and Lambda functions), durable delivery with retries and a
 * dead-letter store.
 */
export { DEFAULT_EVENT_BUS } from './arns.js';
export type { DeadLetter } from './delivery/dead-letter.js';
export {
  DEFAULT_BACKOFF,
  DEFAULT_MAXIMUM_EVENT_AGE_SECONDS,
  DEFAULT_MAXIMUM_RETRY_ATTEMPTS,
} from './delivery/retry-policy.js';
export {
  EventBridgeError,
  InvalidEventPatternException,
  LimitExceededException,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  ValidationException,
} from './errors.js';
export { type EventPattern, matchesPattern, parseEventPattern } from './pattern/index.js';
export { DEAD_LETTERS_PATH, REDRIVE_PATH } from './routes/dead-letter-routes.js';
export {
  EventBridgeService,
  type EventBridgeServiceOptions,
  type PutEventsResultEntry,
} from './service/event-bridge-service.js';
export { type LocalTargets, localTargetInvoker } from './targets/local-target-invoker.js';
export type { TargetInvoker } from './targets/target-invoker.js';
