import {
  expectArgumentCount,
  type IntrinsicFunction,
  intrinsicFailure,
  stringArgument,
} from '../invocation.js';

/** A piece of a States.Format template: literal text, or a `{}` placeholder. */
type TemplatePart = { readonly text: string } | { readonly placeholder: true };

/**
 * `States.Format(template, ...values)`: the template with each `{}` replaced by the next value's
 * natural string form. A literal template may escape braces as `\{` and `\}`; a template read
 * from a path is taken as it is. Values must be strings, numbers, booleans or null, and there must
 * be exactly one per placeholder.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-generic
 */
export const format: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 1, Number.POSITIVE_INFINITY);
  const template = stringArgument(invocation, 0);
  const first = invocation.args[0];
  const parts = first?.kind === 'string' ? splitEscapedTemplate(first.raw) : splitTemplate(template);
  const values = invocation.values.slice(1);
  const placeholders = parts.filter((part) => 'placeholder' in part).length;
  if (placeholders !== values.length) {
    throw intrinsicFailure(
      invocation,
      `the template has ${placeholders} placeholder(s) but ${values.length} value(s) were given`,
    );
  }
  let next = 0;
  return parts
    .map((part) => {
      if ('text' in part) return part.text;
      const value = values[next];
      next += 1;
      if (value !== null && typeof value === 'object') {
        throw intrinsicFailure(invocation, 'a value to format must not be a JSON array or object');
      }
      return String(value);
    })
    .join('');
};

function splitTemplate(template: string): TemplatePart[] {
  return template
    .split('{}')
    .flatMap((text, index): TemplatePart[] => (index === 0 ? [{ text }] : [{ placeholder: true }, { text }]));
}

function splitEscapedTemplate(raw: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  for (let position = 0; position < raw.length; position += 1) {
    const char = raw[position];
    if (char === '\\') {
      // The parser has already rejected any escape other than \' \{ \} \\.
      text += raw[position + 1] ?? '';
      position += 1;
    } else if (char === '{' && raw[position + 1] === '}') {
      parts.push({ text }, { placeholder: true });
      text = '';
      position += 1;
    } else {
      text += char;
    }
  }
  parts.push({ text });
  return parts;
}
