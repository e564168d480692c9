import { queryPath } from '../../stepfunctions/paths/index.js';
import type { Target } from '../store/records.js';
import { type TemplateContext, transformInput } from './input-transformer.js';

/**
 * The input a target receives for an event, as text: the whole event by default, the constant
 * `Input`, the part of the event `InputPath` selects (`null` when it selects nothing), or what
 * `InputTransformer` makes of it. JSON is passed on minified; a transformer may also produce
 * text that is not JSON.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html
 */
export function targetInput(target: Target, event: unknown, context: TemplateContext): string {
  if (target.Input !== undefined) return minify(target.Input);
  if (target.InputPath !== undefined) {
    const match = queryPath(target.InputPath, event);
    return JSON.stringify(match.found ? (match.value ?? null) : null);
  }
  if (target.InputTransformer !== undefined)
    return minify(transformInput(target.InputTransformer, event, context));
  return JSON.stringify(event);
}

function minify(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
