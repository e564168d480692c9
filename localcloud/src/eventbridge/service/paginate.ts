import { ValidationException } from '../errors.js';

/** One page of a listing. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** The page size when a request gives no `Limit`. */
const DEFAULT_PAGE_SIZE = 100;

/**
 * Cuts a listing sorted by `keyOf` into pages. The token is the last key of the previous page, so
 * a page stays right when items are added or removed between calls.
 *
 * @throws ValidationException when the token is not one this function made.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit?: number,
  nextToken?: string,
): Page<T> {
  let start = 0;
  if (nextToken !== undefined) {
    const after = decodeToken(nextToken);
    start = items.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = items.length;
  }
  const size = limit ?? DEFAULT_PAGE_SIZE;
  const page = items.slice(start, start + size);
  const last = page.at(-1);
  return start + size < items.length && last !== undefined
    ? { items: page, nextToken: Buffer.from(JSON.stringify({ after: keyOf(last) })).toString('base64url') }
    : { items: page };
}

function decodeToken(token: string): string {
  try {
    const { after } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof after === 'string') return after;
  } catch {
    // Reported below.
  }
  throw new ValidationException('The NextToken is not valid.');
}
