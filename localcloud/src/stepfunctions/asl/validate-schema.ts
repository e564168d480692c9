import { createRequire } from 'node:module';
import type { StateType } from './types.js';
import { isJsonObject, type JsonObject, pointerTo, scopesOf } from './validate-scopes.js';

/** One problem as asl-validator reports it. */
interface AslValidatorError {
  readonly 'Error code': string;
  readonly Message: string;
  readonly schemaError?: { readonly instancePath: string; readonly schemaPath: string };
}

/** asl-validator's entry point (the package ships no type declarations). */
type AslValidator = (
  definition: unknown,
  options: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean; errors: AslValidatorError[] };

const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

const SCHEMA_VALIDATION_FAILED = 'SCHEMA_VALIDATION_FAILED';

const STATE_TYPES: ReadonlySet<unknown> = new Set<StateType>([
  'Pass',
  'Task',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Parallel',
  'Map',
]);

/**
 * asl-validator's transition checks, which `validate-transitions.ts` does per state machine instead,
 * telling where each problem is.
 */
const REPLACED_CODES: ReadonlySet<string> = new Set([
  'MISSING_TERMINAL_STATE',
  'MISSING_TRANSITION_TARGET',
  'BRANCH_OUTBOUND_TRANSITION_TARGET',
  'MAP_OUTBOUND_TRANSITION_TARGET',
]);

/** What the schema checks found, and whether the definition has the shape later checks rely on. */
export interface SchemaCheck {
  readonly problems: string[];
  readonly shapeHolds: boolean;
}

/** Renamed stand-in for payload fields named "States" in the copy asl-validator sees. */
const HIDDEN_STATES_FIELD = 'States\u0000';

/**
 * The JSON-schema checks of asl-validator, path syntax included (`checkPaths`), plus its checks
 * of mutually exclusive fields and duplicate state names. Problems read
 * like AWS's: `SCHEMA_VALIDATION_FAILED: <what> at <JSON Pointer>`.
 *
 * @see https://github.com/ChristopheBougere/asl-validator
 */
export function validateSchema(machine: unknown): SchemaCheck {
  if (!isJsonObject(machine)) {
    return {
      problems: ['SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /'],
      shapeHolds: false,
    };
  }
  const shapeProblems = nonObjectStates(machine);
  if (shapeProblems.length > 0) return { problems: shapeProblems, shapeHolds: false };

  // asl-validator writes a QueryLanguage into every state, so it gets a copy.
  const copy = structuredClone(machine);
  hideForeignStatesFields(copy);
  let errors: AslValidatorError[];
  try {
    errors = aslValidator(copy, { checkPaths: true, checkArn: true }).errors;
  } catch (error) {
    const problem = `SCHEMA_VALIDATION_FAILED: The definition could not be checked: ${(error as Error).message} at /`;
    return { problems: [problem], shapeHolds: false };
  }
  return {
    problems: errors
      .filter((error) => !REPLACED_CODES.has(error['Error code']) && !isTypeNoise(error, machine))
      .map(describe),
    shapeHolds: errors.every((error) => error['Error code'] !== SCHEMA_VALIDATION_FAILED),
  };
}

/**
 * asl-validator takes every field named "States", at any depth, for a state machine's: one in a
 * payload (a Pass state's Result, say) makes it report phantom states or throw. Such fields are
 * renamed in its copy; the state machines' own `States` stay.
 */
function hideForeignStatesFields(copy: JsonObject): void {
  const machines = new Set<unknown>(scopesOf(copy).map((scope) => scope.node));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isJsonObject(value)) return;
    if (!machines.has(value) && Object.hasOwn(value, 'States')) {
      value[HIDDEN_STATES_FIELD] = value.States;
      delete value.States;
    }
    Object.values(value).forEach(visit);
  };
  visit(copy);
}

/**
 * When a state fails its own type's schema, the `oneOf` over all state types also reports that
 * its `Type` is none of the allowed values, which is only true when the Type is in fact wrong.
 */
function isTypeNoise(error: AslValidatorError, machine: JsonObject): boolean {
  const at = error.schemaError?.instancePath;
  const isTypeEnumError = at?.endsWith('/Type') && error.schemaError?.schemaPath.endsWith('/enum');
  return at !== undefined && isTypeEnumError === true && STATE_TYPES.has(valueAt(machine, at));
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, key) => (isJsonObject(node) || Array.isArray(node) ? (node as JsonObject)[key] : undefined),
      root,
    );
}

function describe(error: AslValidatorError): string {
  if (error.schemaError === undefined) return `${error['Error code']}: ${error.Message}`;
  const at = error.schemaError.instancePath;
  const what = error.Message.replace(`${at} is invalid. `, '');
  return `${error['Error code']}: ${what} at ${at === '' ? '/' : at}`;
}

function nonObjectStates(machine: JsonObject): string[] {
  return scopesOf(machine).flatMap(({ pointer, statesField }) => {
    const statesPointer = pointerTo(pointer, 'States');
    if (statesField === undefined) return [];
    if (!isJsonObject(statesField)) {
      return [`SCHEMA_VALIDATION_FAILED: States must be an object at ${statesPointer}`];
    }
    return Object.entries(statesField)
      .filter(([, state]) => !isJsonObject(state))
      .map(
        ([name]) =>
          `SCHEMA_VALIDATION_FAILED: A state must be an object at ${pointerTo(statesPointer, name)}`,
      );
  });
}
