import { inCidr } from './cidr.js';
import { isJsonNumber, isJsonObject, numberText, numberValue } from './json-text.js';
import { inNumericRange } from './numeric-range.js';
import type { EventPattern, StringTest, ValueMatcher } from './types.js';

/**
 * Whether an event matches a pattern. Every field of the pattern must match ("and"), a leaf
 * matches when any of its values does ("or"), and one `$or` alternative per group must match.
 *
 * Arrays in the event: a leaf matches when any element does; an object pattern matches when one
 * element matches all of it, so fields are never matched across different elements. Only leaf
 * values count as present: `exists: false` holds for a missing field, an object and an empty array.
 * The event may be parsed with `JSON.parse` or with {@link parseJsonText}; the latter keeps each
 * number's text, which exact number matching compares.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  if (Array.isArray(event)) {
    const objects = flatten(event).filter(isJsonObject);
    if (objects.length === 0) return matchesPattern(pattern, undefined);
    return objects.some((element) => matchesPattern(pattern, element));
  }
  const object = isJsonObject(event) ? event : undefined;
  for (const field of pattern.fields) {
    const child = object && Object.hasOwn(object, field.name) ? object[field.name] : undefined;
    const matched =
      field.kind === 'object' ? matchesPattern(field.pattern, child) : matchesLeaf(field.matchers, child);
    if (!matched) return false;
  }
  return pattern.anyOf.every((alternatives) =>
    alternatives.some((alternative) => matchesPattern(alternative, event)),
  );
}

function matchesLeaf(matchers: readonly ValueMatcher[], value: unknown): boolean {
  const values = leafValues(value);
  return matchers.some((matcher) =>
    matcher.type === 'exists'
      ? matcher.exists === values.length > 0
      : values.some((candidate) => matchesValue(matcher, candidate)),
  );
}

/** The leaf values at a field: the value itself, or the scalars of an array (nested ones too). */
function leafValues(value: unknown): unknown[] {
  if (value === undefined || isJsonObject(value)) return [];
  if (Array.isArray(value)) return flatten(value).filter((element) => !isJsonObject(element));
  return [value];
}

function flatten(values: unknown[]): unknown[] {
  return values.flatMap((value) => (Array.isArray(value) ? flatten(value) : [value]));
}

function matchesValue(matcher: Exclude<ValueMatcher, { type: 'exists' }>, value: unknown): boolean {
  switch (matcher.type) {
    case 'string':
      return value === matcher.value;
    case 'number':
      return isJsonNumber(value) && numberText(value) === matcher.text;
    case 'boolean':
      return value === matcher.value;
    case 'null':
      return value === null;
    case 'prefix':
      return (
        typeof value === 'string' &&
        fold(value, matcher.ignoreCase).startsWith(fold(matcher.value, matcher.ignoreCase))
      );
    case 'suffix':
      return (
        typeof value === 'string' &&
        fold(value, matcher.ignoreCase).endsWith(fold(matcher.value, matcher.ignoreCase))
      );
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === matcher.value.toLowerCase();
    case 'wildcard':
      return typeof value === 'string' && matcher.regex.test(value);
    case 'anything-but-values':
      if (typeof value === 'string') return !matcher.strings.includes(value);
      if (isJsonNumber(value)) return !matcher.numbers.includes(numberValue(value));
      return true;
    case 'anything-but-test':
      return typeof value !== 'string' || !passes(matcher.test, value);
    case 'numeric':
      return isJsonNumber(value) && inNumericRange(matcher, value);
    case 'cidr':
      return typeof value === 'string' && inCidr(matcher, value);
  }
}

function passes(test: StringTest, value: string): boolean {
  switch (test.type) {
    case 'prefix':
      return test.values.some((prefix) => value.startsWith(prefix));
    case 'suffix':
      return test.values.some((suffix) => value.endsWith(suffix));
    case 'equals-ignore-case':
      return test.values.some((other) => other.toLowerCase() === value.toLowerCase());
    case 'wildcard':
      return test.values.some((regex) => regex.test(value));
  }
}

function fold(text: string, ignoreCase: boolean): string {
  return ignoreCase ? text.toLowerCase() : text;
}
