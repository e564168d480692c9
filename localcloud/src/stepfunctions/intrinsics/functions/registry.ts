/**
 * The dispatch table of intrinsic functions. Typed as a mapped type over every name in
 * {@link INTRINSIC_FUNCTION_NAMES}, so a name without an implementation does not compile.
 */
import type { IntrinsicFunctionName } from '../function-names.js';
import type { IntrinsicFunction } from '../invocation.js';
import { array } from './array.js';
import { arrayContains } from './array-contains.js';
import { arrayGetItem } from './array-get-item.js';
import { arrayLength } from './array-length.js';
import { arrayPartition } from './array-partition.js';
import { arrayRange } from './array-range.js';
import { arrayUnique } from './array-unique.js';
import { base64Decode } from './base64-decode.js';
import { base64Encode } from './base64-encode.js';
import { format } from './format.js';
import { hash } from './hash.js';
import { jsonMerge } from './json-merge.js';
import { jsonToString } from './json-to-string.js';
import { mathAdd } from './math-add.js';
import { mathRandom } from './math-random.js';
import { stringSplit } from './string-split.js';
import { stringToJson } from './string-to-json.js';
import { uuid } from './uuid.js';

/** Every intrinsic function, by name. */
export const INTRINSIC_FUNCTIONS: { readonly [Name in IntrinsicFunctionName]: IntrinsicFunction } = {
  'States.Format': format,
  'States.StringToJson': stringToJson,
  'States.JsonToString': jsonToString,
  'States.Array': array,
  'States.ArrayPartition': arrayPartition,
  'States.ArrayContains': arrayContains,
  'States.ArrayRange': arrayRange,
  'States.ArrayGetItem': arrayGetItem,
  'States.ArrayLength': arrayLength,
  'States.ArrayUnique': arrayUnique,
  'States.Base64Encode': base64Encode,
  'States.Base64Decode': base64Decode,
  'States.Hash': hash,
  'States.JsonMerge': jsonMerge,
  'States.MathRandom': mathRandom,
  'States.MathAdd': mathAdd,
  'States.StringSplit': stringSplit,
  'States.UUID': uuid,
};
