/**
 * Payload Templates: the Parameters, ItemSelector and ResultSelector fields. A member whose name
 * ends in `.$` is replaced by what its value selects (a Path on the input, a `$$` Path on the
 * context object, or an intrinsic function) and loses the `.$`; other members are copied, and
 * nested objects and arrays are processed the same way.
 *
 * @see https://states-language.net/spec.html#payload-template
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
 */
import type { Json } from '../asl/types.js';
import { StatesError, StatesErrorName } from '../errors.js';
import { evaluateIntrinsic, isIntrinsic } from '../intrinsics/index.js';
import { InvalidPathError, isPath, queryPath } from '../paths/index.js';

const DYNAMIC_SUFFIX = '.$';

/**
 * Builds the payload a template describes from `input` and the context object.
 *
 * A Path that selects nothing fails with `States.Runtime`, for Parameters, ItemSelector and
 * ResultSelector alike; that is what AWS reports (with this cause) although the specification
 * names `States.ParameterPathFailure`. A failing intrinsic fails with `States.IntrinsicFailure`.
 *
 * @throws StatesError as described above.
 */
export function evaluatePayloadTemplate(template: Json, input: unknown, context: unknown): Json {
  return evaluateNode(template, input, context) as Json;
}

function evaluateNode(node: Json, input: unknown, context: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => evaluateNode(item, input, context));
  if (node === null || typeof node !== 'object') return node;
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = node[key] as Json;
    const dynamic = key.endsWith(DYNAMIC_SUFFIX);
    const name = dynamic ? key.slice(0, -DYNAMIC_SUFFIX.length) : key;
    if (Object.hasOwn(payload, name)) {
      throw new StatesError(
        StatesErrorName.Runtime,
        `The field '${name}' appears more than once after removing the '.$' suffix`,
      );
    }
    const resolved = dynamic
      ? evaluateDynamicField(key, value, input, context)
      : evaluateNode(value, input, context);
    // A member named "__proto__" is defined, so that it stays a member; the others are assigned,
    // which leaves the object a plain one, far quicker to build and to serialise.
    if (name === '__proto__') {
      Object.defineProperty(payload, name, {
        value: resolved,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else payload[name] = resolved;
  }
  return payload;
}

function evaluateDynamicField(key: string, value: Json, input: unknown, context: unknown): unknown {
  if (typeof value === 'string' && isPath(value)) return readField(key, value, input, context);
  if (typeof value === 'string' && isIntrinsic(value)) return evaluateIntrinsic(value, input, context);
  throw new StatesError(
    StatesErrorName.Runtime,
    `The value for the field '${key}' must be a JSONPath or an intrinsic function, but was ${JSON.stringify(value)}`,
  );
}

function readField(key: string, path: string, input: unknown, context: unknown): unknown {
  let match: ReturnType<typeof queryPath>;
  try {
    match = queryPath(path, input, context);
  } catch (error) {
    if (error instanceof InvalidPathError) throw new StatesError(StatesErrorName.Runtime, error.message);
    throw error;
  }
  if (match.found) return match.value;
  const document = path.startsWith('$$') ? context : input;
  throw new StatesError(
    StatesErrorName.Runtime,
    `The JSONPath '${path}' specified for the field '${key}' could not be found in the input '${JSON.stringify(document)}'`,
  );
}
