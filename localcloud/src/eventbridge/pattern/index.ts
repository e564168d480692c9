/**
 * EventBridge event patterns: parsing and validating them, and matching events against them.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
export { isJsonObject, JsonNumber, JsonSyntaxError, parseJsonText } from './json-text.js';
export { matchesPattern } from './match-pattern.js';
export { parseEventPattern } from './parse-event-pattern.js';
export type { EventPattern, FieldPattern, ValueMatcher } from './types.js';
