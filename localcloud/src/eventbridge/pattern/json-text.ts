/**
 * A JSON number as it was written. EventBridge compares numbers in exact-match patterns by their
 * text (`300`, `300.0` and `3.0e2` are different values), so event and pattern JSON keep it.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html
 */
export class JsonNumber {
  constructor(
    /** The number exactly as written in the JSON text. */
    readonly text: string,
    /** Its value as a double. */
    readonly value: number,
  ) {}
}

/** Raised when a text is not JSON. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';

  constructor(
    message: string,
    /** The offset in the text where parsing stopped. */
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * The deepest nesting of objects and arrays parsed, as in common JSON parsers (Jackson's default
 * on the JVM is 1,000). The parser recurses once per level: without a bound, a few thousand
 * levels in an event's detail overflow the stack and fail the whole request.
 */
export const MAX_NESTING_DEPTH = 1_000;

/**
 * Parses JSON like `JSON.parse`, except that every number becomes a {@link JsonNumber} keeping its
 * text. Objects are plain objects (a `__proto__` member is an ordinary property); a repeated
 * member keeps its last value, as `JSON.parse` does.
 *
 * @throws JsonSyntaxError when `text` is not one JSON value.
 */
export function parseJsonText(text: string): unknown {
  const parser = new Parser(text);
  const value = parser.value();
  parser.skipWhitespace();
  if (parser.position !== text.length) throw new JsonSyntaxError('Unexpected trailing text', parser.position);
  return value;
}

class Parser {
  position = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.position;
    WHITESPACE.exec(this.text);
    this.position = WHITESPACE.lastIndex;
  }

  value(): unknown {
    this.skipWhitespace();
    const char = this.text[this.position];
    if (char === '{' || char === '[') {
      if (this.depth >= MAX_NESTING_DEPTH)
        throw new JsonSyntaxError(`Nested deeper than ${MAX_NESTING_DEPTH} levels`, this.position);
      this.depth += 1;
      const nested = char === '{' ? this.object() : this.array();
      this.depth -= 1;
      return nested;
    }
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const [word, value] of KEYWORDS) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return value;
      }
    }
    throw new JsonSyntaxError(
      char === undefined ? 'Unexpected end of JSON' : `Unexpected '${char}'`,
      this.position,
    );
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position += 1;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"')
        throw new JsonSyntaxError('Expected a member name', this.position);
      const key = this.string();
      this.skipWhitespace();
      this.expect(':');
      Object.defineProperty(result, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position += 1;
        continue;
      }
      this.expect('}');
      return result;
    }
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position += 1;
      return result;
    }
    for (;;) {
      result.push(this.value());
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position += 1;
        continue;
      }
      this.expect(']');
      return result;
    }
  }

  private string(): string {
    STRING.lastIndex = this.position;
    const match = STRING.exec(this.text);
    if (!match) throw new JsonSyntaxError('Invalid string', this.position);
    this.position = STRING.lastIndex;
    return JSON.parse(match[0]) as string;
  }

  private number(): JsonNumber {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonSyntaxError('Invalid number', this.position);
    this.position = NUMBER.lastIndex;
    return new JsonNumber(match[0], Number(match[0]));
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) throw new JsonSyntaxError(`Expected '${char}'`, this.position);
    this.position += 1;
  }
}

const KEYWORDS: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** Whether a value is a JSON number, as `JSON.parse` or {@link parseJsonText} gives it. */
export function isJsonNumber(value: unknown): value is number | JsonNumber {
  return typeof value === 'number' || value instanceof JsonNumber;
}

/** The value of a JSON number. */
export function numberValue(value: number | JsonNumber): number {
  return typeof value === 'number' ? value : value.value;
}

/** The text of a JSON number: as written, or as `JSON.stringify` writes a parsed one. */
export function numberText(value: number | JsonNumber): string {
  return typeof value === 'number' ? JSON.stringify(value) : value.text;
}

/** Whether a value is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber)
  );
}
