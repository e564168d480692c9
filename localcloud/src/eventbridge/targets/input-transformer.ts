import { queryPath } from '../../stepfunctions/paths/index.js';
import type { InputTransformer } from '../store/records.js';

/** What an input template may use besides its own variables. */
export interface TemplateContext {
  ruleArn: string;
  ruleName: string;
  /** When EventBridge received the event, as an ISO 8601 timestamp. */
  ingestionTime: string;
}

/**
 * The predefined variables, which InputPathsMap may not redefine.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html#eb-transform-input-predefined
 */
export const PREDEFINED_VARIABLES: ReadonlySet<string> = new Set([
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
]);

/**
 * Applies an input transformer to an event: reads each variable of InputPathsMap with its JSONPath,
 * then fills the template's `<variable>` placeholders.
 *
 * A placeholder outside a JSON string becomes the value as JSON (a string with its quotes, an
 * object minified). Inside a string it becomes the value's text: a string unescaped, an object or
 * array as JSON with its quotes removed, as the user guide describes. A variable whose path
 * matches nothing is not created: it becomes `null` outside a string and nothing inside one.
 * `<aws.events.event>` is the event without `detail`, `<aws.events.event.json>` the whole event.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
export function transformInput(
  transformer: InputTransformer,
  event: unknown,
  context: TemplateContext,
): string {
  const values = new Map<string, unknown>();
  const declared = new Set<string>(PREDEFINED_VARIABLES);
  for (const [name, path] of Object.entries(transformer.InputPathsMap ?? {})) {
    declared.add(name);
    const match = queryPath(path, event);
    if (match.found) values.set(name, match.value);
  }
  const { detail: _detail, ...withoutDetail } = event as Record<string, unknown>;
  values.set('aws.events.rule-arn', context.ruleArn);
  values.set('aws.events.rule-name', context.ruleName);
  values.set('aws.events.event.ingestion-time', context.ingestionTime);
  values.set('aws.events.event', withoutDetail);
  values.set('aws.events.event.json', event);
  return fillTemplate(transformer.InputTemplate, declared, values);
}

/** Replaces the placeholders of declared variables, tracking whether each sits in a JSON string. */
function fillTemplate(
  template: string,
  declared: ReadonlySet<string>,
  values: ReadonlyMap<string, unknown>,
): string {
  let output = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const char = template[i] as string;
    if (char === '\\' && inString) {
      output += char + (template[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (char === '"') inString = !inString;
    if (char === '<') {
      const close = template.indexOf('>', i + 1);
      const name = close < 0 ? undefined : template.slice(i + 1, close);
      if (name !== undefined && declared.has(name)) {
        output += inString ? textOf(values, name) : jsonOf(values, name);
        i = close;
        continue;
      }
    }
    output += char;
  }
  return output;
}

function jsonOf(values: ReadonlyMap<string, unknown>, name: string): string {
  return values.has(name) ? JSON.stringify(values.get(name) ?? null) : 'null';
}

function textOf(values: ReadonlyMap<string, unknown>, name: string): string {
  if (!values.has(name)) return '';
  const value = values.get(name);
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value).replaceAll('"', '');
  return JSON.stringify(value ?? null);
}
