/**
 * Defaults of the input and output processing fields.
 *
 * @see https://states-language.net/spec.html#filters
 */

/** InputPath when the field is absent: the whole raw input. */
export const DEFAULT_INPUT_PATH = '$';

/** ResultPath when the field is absent: the result replaces the input. */
export const DEFAULT_RESULT_PATH = '$';

/** OutputPath when the field is absent: the whole output of ResultPath. */
export const DEFAULT_OUTPUT_PATH = '$';
