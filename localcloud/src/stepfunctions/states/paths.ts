import { applyInputPath, applyOutputPath, applyResultPath } from '../io/index.js';

/**
 * InputPath, ResultPath and OutputPath as the state files apply them. Most states leave these
 * fields out, and their default, `$`, takes (or replaces) the whole document: that case is
 * answered here without evaluating a path, which every state entered would otherwise pay for.
 */

/** {@link applyInputPath}: an absent InputPath selects the whole input. */
export function selectInput(input: unknown, inputPath: string | null | undefined, context: unknown): unknown {
  return inputPath === undefined ? input : applyInputPath(input, inputPath, context);
}

/** A ResultPath naming one member of the input by a plain name, e.g. `$.order`. */
const MEMBER_PATH = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/;

/** The member each ResultPath names, if it is a {@link MEMBER_PATH}; paths come from definitions. */
const memberOfPath = new Map<string, string | null>();

/**
 * {@link applyResultPath}: an absent ResultPath makes the result the output, and `$.name` on an
 * object gives a copy of it with `name` set, as `setAtReferencePath` does; any other path or
 * input takes the general way (and its errors).
 */
export function placeResult(input: unknown, result: unknown, resultPath: string | null | undefined): unknown {
  if (resultPath === undefined) return result;
  if (
    typeof resultPath === 'string' &&
    input !== null &&
    typeof input === 'object' &&
    !Array.isArray(input)
  ) {
    let member = memberOfPath.get(resultPath);
    if (member === undefined) {
      member = MEMBER_PATH.exec(resultPath)?.[1] ?? null;
      memberOfPath.set(resultPath, member);
    }
    if (member !== null) return { ...input, [member]: result };
  }
  return applyResultPath(input, result, resultPath);
}

/** {@link applyOutputPath}: an absent OutputPath passes the whole output on. */
export function selectOutput(
  output: unknown,
  outputPath: string | null | undefined,
  context: unknown,
): unknown {
  return outputPath === undefined ? output : applyOutputPath(output, outputPath, context);
}
