import { invalidParameter } from '../errors.js';

/** A request body as the wire gives it. */
export type Input = Record<string, unknown>;

/** The member name as Cognito's validation messages spell it (`clientId`). */
function member(field: string): string {
  return field.charAt(0).toLowerCase() + field.slice(1);
}

function validation(field: string, constraint: string, value: unknown): Error {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return invalidParameter(
    `1 validation error detected: Value ${shown} at '${member(field)}' failed to satisfy constraint: ${constraint}`,
  );
}

/** A required string field of 1 to `maxLength` characters. */
export function requiredString(input: Input, field: string, maxLength = 2048): string {
  const value = input[field];
  if (value === undefined || value === null) throw validation(field, 'Member must not be null', value);
  if (typeof value !== 'string') throw validation(field, 'Member must be a string', value);
  if (value.length < 1 || value.length > maxLength) {
    throw validation(field, `Member must have length between 1 and ${maxLength}`, '***');
  }
  return value;
}

/** An optional string field. */
export function optionalString(input: Input, field: string, maxLength = 2048): string | undefined {
  return input[field] === undefined || input[field] === null
    ? undefined
    : requiredString(input, field, maxLength);
}

/** An optional boolean field. */
export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validation(field, 'Member must be a boolean', value);
  return value;
}

/** An optional integer field within bounds. */
export function optionalInteger(input: Input, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validation(field, `Member must have value between ${min} and ${max}`, value);
  }
  return value;
}

/** An optional list of strings. */
export function optionalStringList(input: Input, field: string): string[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw validation(field, 'Member must be a list of strings', '[...]');
  }
  return value as string[];
}

/** An optional map of strings to strings (`AuthParameters`, `ChallengeResponses`). */
export function stringMap(input: Input, field: string): Record<string, string> {
  const value = input[field];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw validation(field, 'Member must be a map', '{...}');
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw validation(`${field}.${key}`, 'Member must be a string', item);
    map[key] = item;
  }
  return map;
}

/** An optional object field, for nested shapes read by the action. */
export function optionalObject(input: Input, field: string): Input | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw validation(field, 'Member must be a structure', '{...}');
  return value as Input;
}

/** A page size field with Cognito's default and maximum of 60. */
export function pageLimit(input: Input, field: string, fallback = 60): number {
  return optionalInteger(input, field, 0, 60) || fallback;
}

/** The store key a pagination token continues after. */
export function afterKey(input: Input, field: string): string | undefined {
  const token = optionalString(input, field, 131_072);
  if (token === undefined) return undefined;
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (key.length === 0) throw invalidParameter(`Invalid ${field}`);
  return key;
}

/** The pagination token that continues after a store key. */
export function pageToken(lastKey: string): string {
  return Buffer.from(lastKey, 'utf8').toString('base64url');
}
