import { StatesError, StatesErrorName } from '../errors.js';

const WILDCARD = Symbol('wildcard');
type Token = string | typeof WILDCARD;

/**
 * The `StringMatches` comparison: `*` matches zero or more characters, `\*` is a literal `*` and
 * `\\` a literal backslash; nothing else is special. A backslash that escapes anything else, or
 * ends the pattern, is an open escape and fails the state with `States.Runtime`.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
export function stringMatches(value: string, pattern: string): boolean {
  const tokens = tokenize(pattern);
  let t = 0;
  let v = 0;
  let lastWildcard = -1;
  let resumeAt = 0;
  while (v < value.length) {
    const token = tokens[t];
    if (token === WILDCARD) {
      lastWildcard = t;
      resumeAt = v;
      t += 1;
    } else if (token !== undefined && token === value[v]) {
      t += 1;
      v += 1;
    } else if (lastWildcard >= 0) {
      // Let the last wildcard swallow one more character and retry the rest from there.
      t = lastWildcard + 1;
      resumeAt += 1;
      v = resumeAt;
    } else {
      return false;
    }
  }
  while (tokens[t] === WILDCARD) t += 1;
  return t === tokens.length;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '*') {
      tokens.push(WILDCARD);
    } else if (char === '\\') {
      const escaped = pattern[i + 1];
      if (escaped !== '*' && escaped !== '\\') {
        throw new StatesError(
          StatesErrorName.Runtime,
          `Invalid StringMatches pattern '${pattern}': open escape at position ${i}; only \\* and \\\\ are escapes.`,
        );
      }
      tokens.push(escaped);
      i += 1;
    } else {
      tokens.push(char);
    }
  }
  return tokens;
}
