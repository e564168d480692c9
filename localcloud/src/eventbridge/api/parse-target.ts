import { queryPath } from '../../stepfunctions/paths/index.js';
import { ValidationException } from '../errors.js';
import { isJsonObject } from '../pattern/json-text.js';
import type { InputTransformer, RetryPolicy, Target } from '../store/records.js';
import { PREDEFINED_VARIABLES } from '../targets/input-transformer.js';
import { targetKindOf } from '../targets/target-invoker.js';
import { checkString, fieldError, RULE_NAME } from './request-fields.js';

/** Limits of a target's fields, from the API reference. */
const MAX_INPUT_LENGTH = 8192;
const MAX_PATH_LENGTH = 256;
const MAX_INPUT_PATHS = 100;
const INPUT_PATHS_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Validates one target of a PutTargets request and returns it in the stored shape. Fields for
 * kinds of target the local EventBridge does not invoke (ECS, SQS, HTTP parameters) are dropped.
 *
 * @throws ValidationException when a field is invalid, when more than one of `Input`,
 *   `InputPath` and `InputTransformer` is given, or when the ARN is neither a state machine nor a
 *   Lambda function.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html
 */
export function parseTarget(value: unknown): Target {
  if (!isJsonObject(value)) throw new ValidationException('Each target must be an object.');
  const id = stringField(value, 'Id', 64, RULE_NAME);
  const arn = stringField(value, 'Arn', 1600);
  if (!targetKindOf(arn)) {
    throw new ValidationException(
      `Target ${id} has ARN '${arn}', which the local EventBridge cannot invoke: it delivers only to Step Functions state machines (arn:aws:states:<region>:<account>:stateMachine:<name>) and Lambda functions (arn:aws:lambda:<region>:<account>:function:<name>).`,
    );
  }
  const inputs = (['Input', 'InputPath', 'InputTransformer'] as const).filter(
    (field) => value[field] !== undefined && value[field] !== null,
  );
  if (inputs.length > 1) {
    throw new ValidationException(
      `Target ${id} sets ${inputs.join(' and ')}: only one of Input, InputPath and InputTransformer may be given.`,
    );
  }
  const target: Target = { Id: id, Arn: arn };
  const roleArn = optionalStringField(value, 'RoleArn', 1600);
  if (roleArn !== undefined) target.RoleArn = roleArn;
  const input = optionalStringField(value, 'Input', MAX_INPUT_LENGTH);
  if (input !== undefined) target.Input = checkJson(id, input);
  const inputPath = optionalStringField(value, 'InputPath', MAX_PATH_LENGTH);
  if (inputPath !== undefined) target.InputPath = checkPath(id, 'InputPath', inputPath);
  if (value.InputTransformer !== undefined && value.InputTransformer !== null) {
    target.InputTransformer = parseInputTransformer(id, value.InputTransformer);
  }
  if (value.RetryPolicy !== undefined && value.RetryPolicy !== null) {
    target.RetryPolicy = parseRetryPolicy(value.RetryPolicy);
  }
  if (isJsonObject(value.DeadLetterConfig)) {
    const dlqArn = optionalStringField(value.DeadLetterConfig, 'Arn', 1600);
    target.DeadLetterConfig = dlqArn === undefined ? {} : { Arn: dlqArn };
  }
  return target;
}

function parseInputTransformer(id: string, value: unknown): InputTransformer {
  if (!isJsonObject(value))
    throw new ValidationException(`InputTransformer of target ${id} must be an object.`);
  const template = stringField(value, 'InputTemplate', MAX_INPUT_LENGTH);
  const transformer: InputTransformer = { InputTemplate: template };
  const paths = value.InputPathsMap;
  if (paths === undefined || paths === null) return transformer;
  if (!isJsonObject(paths)) throw new ValidationException(`InputPathsMap of target ${id} must be a map.`);
  const entries = Object.entries(paths);
  if (entries.length > MAX_INPUT_PATHS) {
    throw new ValidationException(`InputPathsMap of target ${id} has more than ${MAX_INPUT_PATHS} entries.`);
  }
  const map: Record<string, string> = {};
  for (const [key, path] of entries) {
    if (PREDEFINED_VARIABLES.has(key)) {
      throw new ValidationException(
        `InputPathsMap of target ${id} defines '${key}', a reserved variable name.`,
      );
    }
    if (!INPUT_PATHS_KEY.test(key)) {
      throw new ValidationException(
        `InputPathsMap of target ${id} has key '${key}'; keys may hold letters, digits, '_' and '-'.`,
      );
    }
    if (typeof path !== 'string' || path.length > MAX_PATH_LENGTH) {
      throw new ValidationException(
        `InputPathsMap of target ${id}: the path of '${key}' must be a string of at most ${MAX_PATH_LENGTH} characters.`,
      );
    }
    map[key] = checkPath(id, `InputPathsMap.${key}`, path);
  }
  transformer.InputPathsMap = map;
  return transformer;
}

function parseRetryPolicy(value: unknown): RetryPolicy {
  if (!isJsonObject(value)) throw new ValidationException('RetryPolicy must be an object.');
  const policy: RetryPolicy = {};
  const attempts = integerField(value, 'MaximumRetryAttempts', 0, 185);
  if (attempts !== undefined) policy.MaximumRetryAttempts = attempts;
  const age = integerField(value, 'MaximumEventAgeInSeconds', 60, 86_400);
  if (age !== undefined) policy.MaximumEventAgeInSeconds = age;
  return policy;
}

function checkJson(id: string, input: string): string {
  try {
    JSON.parse(input);
  } catch {
    throw new ValidationException(`Input of target ${id} is not valid JSON text.`);
  }
  return input;
}

function checkPath(id: string, field: string, path: string): string {
  try {
    if (!path.startsWith('$') || path.startsWith('$$')) throw new Error('a path must begin with $');
    queryPath(path, {});
  } catch {
    throw new ValidationException(`${field} of target ${id} is not a valid JSONPath: '${path}'.`);
  }
  return path;
}

function stringField(object: Record<string, unknown>, field: string, max: number, pattern?: RegExp): string {
  const value = object[field];
  if (typeof value !== 'string') throw fieldError(field, value, 'Member must not be null');
  checkString(field, value, { min: 1, max, ...(pattern && { pattern }) });
  return value;
}

function optionalStringField(
  object: Record<string, unknown>,
  field: string,
  max: number,
): string | undefined {
  return object[field] === undefined || object[field] === null ? undefined : stringField(object, field, max);
}

function integerField(
  object: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw fieldError(field, value, `Member must be an integer between ${min} and ${max}`);
  }
  return value;
}
