import type { StateMachineDefinition } from './types.js';
import { validateChoiceRules } from './validate-choice-rules.js';
import { validateErrorHandlers } from './validate-error-handlers.js';
import { validateQueryLanguage } from './validate-query-language.js';
import { validateSchema } from './validate-schema.js';
import { validateTransitions } from './validate-transitions.js';

/** The outcome of checking a definition: the parsed definition, or every problem found. */
export type DefinitionValidation =
  | { readonly ok: true; readonly definition: StateMachineDefinition }
  | { readonly ok: false; readonly problems: string[] };

/**
 * Checks a state machine definition as CreateStateMachine and UpdateStateMachine do, before any
 * execution runs it. Problems read like AWS's (`MISSING_TRANSITION_TARGET: Missing 'Next'
 * target: B at /States/A/Next`). The structural checks run once the schema holds, since they
 * rely on the shape it guarantees.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
 * @see https://states-language.net/spec.html
 */
export function validateDefinition(definition: string): DefinitionValidation {
  let machine: unknown;
  try {
    machine = JSON.parse(definition);
  } catch (error) {
    return { ok: false, problems: [`INVALID_JSON_DESCRIPTION: ${(error as Error).message}`] };
  }
  const schema = validateSchema(machine);
  const problems = [...validateQueryLanguage(machine), ...schema.problems];
  if (schema.shapeHolds) {
    problems.push(
      ...validateTransitions(machine),
      ...validateErrorHandlers(machine),
      ...validateChoiceRules(machine),
    );
  }
  if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, definition: machine as StateMachineDefinition };
}
