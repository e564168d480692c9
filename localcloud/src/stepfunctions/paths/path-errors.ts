/**
 * Errors of path evaluation. They carry no ASL error name on purpose: the same miss is a
 * `States.Runtime` for an InputPath and a `States.IntrinsicFailure` inside an intrinsic, so the
 * caller, which knows the field, chooses the name.
 */

/** A path that is not valid JSONPath, or not valid where it is used (e.g. a ResultPath with a filter). */
export class InvalidPathError extends Error {
  override readonly name = 'InvalidPathError';

  constructor(
    /** The path as written in the definition. */
    readonly path: string,
    reason: string,
  ) {
    super(`Invalid path '${path}': ${reason}`);
  }
}

/** A definite path (one that can select at most one node) selected nothing in its document. */
export class PathNotFoundError extends Error {
  override readonly name = 'PathNotFoundError';

  constructor(
    /** The path as written in the definition. */
    readonly path: string,
    /** The path in normalised bracket form, e.g. `$['a'][0]`, as AWS prints it. */
    readonly normalizedPath: string,
  ) {
    super(`No results for path: ${normalizedPath}`);
  }
}

/** A reference path that cannot be written into a document, e.g. `$.x` into the string `"foo"`. */
export class ReferencePathConflictError extends Error {
  override readonly name = 'ReferencePathConflictError';

  constructor(
    /** The reference path as written in the definition. */
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}
