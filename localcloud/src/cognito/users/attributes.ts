import { invalidParameter } from '../errors.js';
import { isEmail, isPhoneNumber } from './usernames.js';

/** One attribute as the API carries it (AttributeType). */
export interface WireAttribute {
  Name: string;
  Value: string;
}

/** The standard OIDC attributes a pool has, besides `custom:` ones. */
const STANDARD_ATTRIBUTES = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
]);

/** Attributes that are `"true"`/`"false"` strings on the API and booleans in an ID token. */
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/**
 * Reads an `[{ Name, Value }]` list a caller may write, rejecting what the schema does not have
 * and what no caller may set (`sub`).
 */
export function parseAttributes(list: unknown, field: string): Record<string, string> {
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) throw invalidParameter(`${field} must be a list of attributes`);
  const attributes: Record<string, string> = {};
  for (const item of list) {
    const name = (item as { Name?: unknown })?.Name;
    const value = (item as { Value?: unknown })?.Value ?? '';
    if (typeof name !== 'string' || typeof value !== 'string') {
      throw invalidParameter(`${field} must be a list of { Name, Value } strings`);
    }
    if (name === 'sub') throw invalidParameter('Cannot modify the non-mutable attribute sub');
    if (!STANDARD_ATTRIBUTES.has(name) && !name.startsWith('custom:')) {
      throw invalidParameter(
        `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`,
      );
    }
    attributes[name] = value;
  }
  checkFormats(attributes);
  return attributes;
}

function checkFormats(attributes: Record<string, string>): void {
  if (attributes.email !== undefined && !isEmail(attributes.email)) {
    throw invalidParameter('Invalid email address format.');
  }
  if (attributes.phone_number !== undefined && !isPhoneNumber(attributes.phone_number)) {
    throw invalidParameter('Invalid phone number format.');
  }
  for (const name of BOOLEAN_ATTRIBUTES) {
    const value = attributes[name];
    if (value !== undefined && value !== 'true' && value !== 'false') {
      throw invalidParameter(`Invalid value for ${name}: must be true or false`);
    }
  }
}

/** A user's attributes as the API lists them: `sub` first, then by name; only `only` when given. */
export function attributeList(attributes: Record<string, string>, only?: readonly string[]): WireAttribute[] {
  const names = Object.keys(attributes).sort((a, b) =>
    a === 'sub' ? -1 : b === 'sub' ? 1 : a.localeCompare(b),
  );
  return names
    .filter((name) => only === undefined || only.includes(name))
    .map((name) => ({ Name: name, Value: attributes[name] as string }));
}

/** A user's attributes as ID token claims: the `_verified` flags become booleans. */
export function attributeClaims(attributes: Record<string, string>): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(attributes)) {
    claims[name] = BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value;
  }
  return claims;
}

/** An email address as Cognito shows where it sent a code: `j***@e***`. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}***@${email.slice(at + 1, at + 2)}***`;
}
