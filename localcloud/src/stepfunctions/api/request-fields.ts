import { AwsServiceError } from '../../aws-service-error.js';
import { isExecutionArn, isStateMachineArn } from '../engine/arns.js';

/** A request body as the wire gives it. */
export type Input = Record<string, unknown>;

function validation(field: string, constraint: string, value: unknown): AwsServiceError {
  return new AwsServiceError(
    'ValidationException',
    `1 validation error detected: Value ${value === undefined ? 'null' : `'${String(value)}'`} at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

/** A required string field of at most `maxLength` characters. */
export function requiredString(input: Input, field: string, maxLength = 1_048_576): string {
  const value = input[field];
  if (value === undefined || value === null) throw validation(field, 'Member must not be null', undefined);
  if (typeof value !== 'string') throw validation(field, 'Member must be a string', value);
  if (value.length > maxLength)
    throw validation(field, `Member must have length less than or equal to ${maxLength}`, '...');
  return value;
}

/** An optional string field. */
export function optionalString(input: Input, field: string, maxLength = 1_048_576): string | undefined {
  return input[field] === undefined || input[field] === null
    ? undefined
    : requiredString(input, field, maxLength);
}

/** An optional integer field within bounds. */
export function optionalInteger(input: Input, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validation(field, `Member must be an integer between ${min} and ${max}`, value);
  }
  return value;
}

/** An optional boolean field. */
export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validation(field, 'Member must be a boolean', value);
  return value;
}

/** A required state machine ARN. */
export function stateMachineArnField(input: Input, field = 'stateMachineArn'): string {
  const arn = requiredString(input, field, 256);
  if (!isStateMachineArn(arn))
    throw new AwsServiceError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  return arn;
}

/** A required execution ARN. */
export function executionArnField(input: Input, field = 'executionArn'): string {
  const arn = requiredString(input, field, 256);
  if (!isExecutionArn(arn))
    throw new AwsServiceError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  return arn;
}

/** A required task token. */
export function taskTokenField(input: Input): string {
  return requiredString(input, 'taskToken', 2048);
}

/** Epoch milliseconds as the JSON protocol's timestamps: epoch seconds. */
export function wireTime(ms: number): number {
  return ms / 1000;
}
