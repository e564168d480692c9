import { isJsonObject, pointerTo, scopesOf } from './validate-scopes.js';

/**
 * This engine runs the JSONPath query language only, so a definition (or a state) that asks for
 * JSONata is refused up front rather than failing at run time.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function validateQueryLanguage(machine: unknown): string[] {
  if (!isJsonObject(machine)) return [];
  const problems: string[] = [];
  if (machine.QueryLanguage === 'JSONata') problems.push(unsupported('/QueryLanguage'));
  for (const scope of scopesOf(machine)) {
    for (const { state, pointer } of scope.states) {
      if (state.QueryLanguage === 'JSONata') problems.push(unsupported(pointerTo(pointer, 'QueryLanguage')));
    }
  }
  return problems;
}

function unsupported(at: string): string {
  return `UNSUPPORTED_QUERY_LANGUAGE: JSONata is not supported by this engine; use JSONPath at ${at}`;
}
