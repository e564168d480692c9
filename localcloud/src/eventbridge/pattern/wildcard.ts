import { PatternRuleError } from './pattern-error.js';

/**
 * Compiles a `wildcard` value into an anchored regular expression. `*` matches any run of
 * characters (none included); `\*` is a literal asterisk and `\\` a literal backslash. Two
 * wildcards in a row, and a backslash before anything else, are rejected as EventBridge does.
 *
 * @throws PatternRuleError when the value is not a valid wildcard pattern.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-wildcard-matching
 */
export function compileWildcard(pattern: string): RegExp {
  let source = '';
  let literal = '';
  let previousWasWildcard = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') {
      if (previousWasWildcard) throw new PatternRuleError(`Consecutive wildcard characters at pos ${i}`);
      source += `${escapeRegExp(literal)}[\\s\\S]*`;
      literal = '';
      previousWasWildcard = true;
      continue;
    }
    previousWasWildcard = false;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') throw new PatternRuleError(`Invalid escape character at pos ${i}`);
      literal += next;
      i += 1;
      continue;
    }
    literal += char;
  }
  return new RegExp(`^${source}${escapeRegExp(literal)}$`, 'u');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
