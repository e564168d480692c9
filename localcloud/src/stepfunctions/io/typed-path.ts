/**
 * Fields that take a value indirectly through a Reference Path and need it to be of one type:
 * a Wait state's SecondsPath and TimestampPath, a Task's TimeoutSecondsPath and
 * HeartbeatSecondsPath, a Map's ItemsPath, MaxConcurrencyPath and tolerated-failure paths, and a
 * Fail state's ErrorPath and CausePath.
 *
 * @see https://states-language.net/spec.html#wait-state
 * @see https://states-language.net/spec.html#task-state
 * @see https://states-language.net/spec.html#map-state
 */
import { StatesError, StatesErrorName } from '../errors.js';
import { evaluateIntrinsic, isIntrinsic } from '../intrinsics/index.js';
import {
  formatNormalizedPath,
  isPath,
  parseReferencePath,
  type ReferencePath,
  readReference,
} from '../paths/index.js';

/** The value types a `*Path` field can require, with the TypeScript type each one yields. */
export interface PathValueTypes {
  /** Any string, e.g. ErrorPath and CausePath. */
  string: string;
  /** An RFC 3339 timestamp with an uppercase `T` and a `Z` or numeric offset, e.g. TimestampPath. */
  timestamp: string;
  /** A JSON array, e.g. ItemsPath. */
  array: unknown[];
  /** An integer above zero, e.g. TimeoutSecondsPath and HeartbeatSecondsPath. */
  positiveInteger: number;
  /** An integer of zero or more, e.g. SecondsPath, MaxConcurrencyPath and ToleratedFailureCountPath. */
  nonNegativeInteger: number;
  /** A number from 0 to 100, e.g. ToleratedFailurePercentagePath. */
  percentage: number;
}

/** The name of a value type a `*Path` field can require. */
export type PathValueKind = keyof PathValueTypes;

/** Options of {@link readTypedPath}. */
export interface ReadTypedPathOptions {
  /** Also accept an intrinsic function instead of a path, as ErrorPath and CausePath do. */
  readonly allowIntrinsic?: boolean;
}

/** RFC 3339 as the States language restricts it. @see https://states-language.net/spec.html#timestamps */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const CHECKS: {
  readonly [Kind in PathValueKind]: { readonly what: string; readonly accepts: (value: unknown) => boolean };
} = {
  string: { what: 'a string', accepts: (value) => typeof value === 'string' },
  timestamp: {
    what: 'an RFC 3339 timestamp string such as "2016-03-14T01:59:00Z"',
    accepts: (value) =>
      typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)),
  },
  array: { what: 'an array', accepts: (value) => Array.isArray(value) },
  positiveInteger: {
    what: 'a positive integer',
    accepts: (value) => Number.isInteger(value) && (value as number) > 0,
  },
  nonNegativeInteger: {
    what: 'a non-negative integer',
    accepts: (value) => Number.isInteger(value) && (value as number) >= 0,
  },
  percentage: {
    what: 'a number between 0 and 100',
    accepts: (value) => typeof value === 'number' && value >= 0 && value <= 100,
  },
};

/**
 * Reads a `*Path` field's value and checks its type.
 *
 * @param field The field's name, for the cause, e.g. `SecondsPath`.
 * @param path The field's value: a reference path on the input, or `$$...` on the context object.
 * @param kind The type the value must have.
 * @throws StatesError `States.Runtime` when the path is not a reference path, selects nothing, or
 *   selects a value of another type; any error of an intrinsic (with `allowIntrinsic`).
 */
export function readTypedPath<Kind extends PathValueKind>(
  field: string,
  path: string,
  input: unknown,
  context: unknown,
  kind: Kind,
  options: ReadTypedPathOptions = {},
): PathValueTypes[Kind] {
  const value =
    options.allowIntrinsic && !isPath(path) && isIntrinsic(path)
      ? evaluateIntrinsic(path, input, context)
      : readReferenceField(field, path, input, context);
  const check = CHECKS[kind];
  if (!check.accepts(value)) {
    throw new StatesError(
      StatesErrorName.Runtime,
      `The ${field} '${path}' must select ${check.what}, but selected ${JSON.stringify(value)}`,
    );
  }
  return value as PathValueTypes[Kind];
}

function readReferenceField(field: string, path: string, input: unknown, context: unknown): unknown {
  let reference: ReferencePath;
  try {
    reference = parseReferencePath(path);
  } catch (error) {
    throw new StatesError(
      StatesErrorName.Runtime,
      `The ${field} must be a reference path: ${(error as Error).message}`,
    );
  }
  const match = readReference(reference, reference.context ? context : input);
  if (match.found) return match.value;
  throw new StatesError(
    StatesErrorName.Runtime,
    `Invalid path '${path}' for ${field} : No results for path: ${formatNormalizedPath(reference)}`,
  );
}
