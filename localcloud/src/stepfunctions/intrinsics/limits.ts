/**
 * Limits AWS documents for intrinsic functions.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */

/** How deeply intrinsic functions may be nested within one field. */
export const MAX_INTRINSIC_NESTING = 10;

/** The most items States.ArrayRange may generate. */
export const MAX_ARRAY_RANGE_ITEMS = 1000;

/** The longest string States.Base64Encode, States.Base64Decode and States.Hash accept, in characters. */
export const MAX_ENCODING_INPUT_CHARACTERS = 10_000;

/**
 * The largest array States.ArrayPartition and States.ArrayContains accept: the payload size
 * quota of 256 KiB, measured as UTF-8 JSON.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
export const MAX_PAYLOAD_BYTES = 262_144;

/** The smallest integer States.MathAdd accepts (a Java `int`). */
export const MIN_MATH_ADD_INTEGER = -2_147_483_648;

/** The largest integer States.MathAdd accepts (a Java `int`). */
export const MAX_MATH_ADD_INTEGER = 2_147_483_647;
