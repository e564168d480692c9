/**
 * JSONPath for the Amazon States Language: reading Paths (`$` input, `$$` context object) and
 * reading and writing Reference Paths.
 *
 * @see https://states-language.net/spec.html#path
 */
export { InvalidPathError, PathNotFoundError, ReferencePathConflictError } from './path-errors.js';
export { isContextPath, isPath, type PathMatch, queryPath, readPath, readReference } from './read-path.js';
export {
  formatNormalizedPath,
  isReferencePath,
  parseReferencePath,
  type ReferencePath,
  type ReferencePathSegment,
} from './reference-path.js';
export { setAtReferencePath } from './set-at-reference-path.js';
