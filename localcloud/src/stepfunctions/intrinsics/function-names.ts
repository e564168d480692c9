/**
 * The intrinsic functions of the States language, as a closed list: the dispatch table is typed
 * against it, so adding a name here without its implementation does not compile.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 * @see https://states-language.net/spec.html#appendix-b
 */
export const INTRINSIC_FUNCTION_NAMES = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
] as const;

/** The name of an intrinsic function, e.g. `States.Format`. */
export type IntrinsicFunctionName = (typeof INTRINSIC_FUNCTION_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(INTRINSIC_FUNCTION_NAMES);

/** Whether `name` is one of the intrinsic functions this engine implements. */
export function isIntrinsicFunctionName(name: string): name is IntrinsicFunctionName {
  return NAMES.has(name);
}
