/**
 * Input and output processing of a state (JSONPath query language): InputPath, Parameters /
 * ItemSelector, ResultSelector, ResultPath and OutputPath, plus the typed `*Path` fields.
 *
 * @see https://states-language.net/spec.html#filters
 */
export { DEFAULT_INPUT_PATH, DEFAULT_OUTPUT_PATH, DEFAULT_RESULT_PATH } from './defaults.js';
export { applyInputPath } from './input-path.js';
export { applyOutputPath } from './output-path.js';
export { evaluatePayloadTemplate } from './payload-template.js';
export { applyResultPath } from './result-path.js';
export {
  type PathValueKind,
  type PathValueTypes,
  type ReadTypedPathOptions,
  readTypedPath,
} from './typed-path.js';
