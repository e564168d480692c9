import { ValidationException } from '../errors.js';

/** A request body as the wire gives it. */
export type Input = Record<string, unknown>;

/** Constraints of a string field, as the API reference states them. */
export interface StringConstraints {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

/** The names of rules and targets. */
export const RULE_NAME = /^[.\-_A-Za-z0-9]+$/;
/** The names of event buses (an ARN is also accepted where the API says "name or ARN"). */
export const EVENT_BUS_NAME = /^[/.\-_A-Za-z0-9]+$/;
/** Event bus names or ARNs, as `EventBusName` takes them. */
export const EVENT_BUS_NAME_OR_ARN =
  /^(arn:aws[\w-]*:events:[a-z0-9-]+:\d{12}:event-bus\/)?[/.\-_A-Za-z0-9]+$/;

/** A ValidationException in AWS's words for one field. */
export function fieldError(field: string, value: unknown, constraint: string): ValidationException {
  const shown =
    value === undefined || value === null
      ? 'null'
      : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return new ValidationException(
    `1 validation error detected: Value ${shown} at '${wireName(field)}' failed to satisfy constraint: ${constraint}`,
  );
}

/** A required string field. */
export function requiredString(input: Input, field: string, constraints: StringConstraints = {}): string {
  const value = input[field];
  if (value === undefined || value === null) throw fieldError(field, value, 'Member must not be null');
  if (typeof value !== 'string') throw fieldError(field, value, 'Member must be a string');
  checkString(field, value, constraints);
  return value;
}

/** An optional string field. */
export function optionalString(
  input: Input,
  field: string,
  constraints: StringConstraints = {},
): string | undefined {
  return input[field] === undefined || input[field] === null
    ? undefined
    : requiredString(input, field, constraints);
}

/** Checks a string against its constraints. */
export function checkString(
  field: string,
  value: string,
  { min = 0, max, pattern }: StringConstraints,
): void {
  if (value.length < min)
    throw fieldError(field, value, `Member must have length greater than or equal to ${min}`);
  if (max !== undefined && value.length > max) {
    throw fieldError(field, value, `Member must have length less than or equal to ${max}`);
  }
  if (pattern && !pattern.test(value)) {
    throw fieldError(
      field,
      value,
      `Member must satisfy regular expression pattern: ${pattern.source.slice(1, -1)}`,
    );
  }
}

/** An optional integer field within bounds. */
export function optionalInteger(input: Input, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw fieldError(field, value, `Member must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** A required list field with a bounded number of members. */
export function requiredList(input: Input, field: string, min: number, max: number): unknown[] {
  const value = input[field];
  if (value === undefined || value === null) throw fieldError(field, value, 'Member must not be null');
  if (!Array.isArray(value)) throw fieldError(field, value, 'Member must be a list');
  if (value.length < min)
    throw fieldError(field, '[...]', `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    throw fieldError(field, '[...]', `Member must have length less than or equal to ${max}`);
  return value;
}

/** An optional `EventBusName` (a name or an ARN). */
export function eventBusNameField(input: Input, field = 'EventBusName'): string | undefined {
  return optionalString(input, field, { min: 1, max: 1600, pattern: EVENT_BUS_NAME_OR_ARN });
}

/** An optional `NextToken`. */
export function nextTokenField(input: Input): string | undefined {
  return optionalString(input, 'NextToken', { min: 1, max: 2048 });
}

/** Epoch milliseconds as the JSON protocol's timestamps: epoch seconds. */
export function wireTime(ms: number): number {
  return ms / 1000;
}

/** `EventBusName` → `eventBusName`, as AWS names fields in validation messages. */
function wireName(field: string): string {
  return field.charAt(0).toLowerCase() + field.slice(1);
}
