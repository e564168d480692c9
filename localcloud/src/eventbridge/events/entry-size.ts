/**
 * The largest total size of the entries of one PutEvents request.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export const MAX_PUT_EVENTS_SIZE = 256 * 1024;

/** The bytes EventBridge counts for `Time` when it is given. */
const TIME_SIZE = 14;

/**
 * The size of a PutEvents entry as EventBridge counts it: 14 bytes for `Time` if given, and the
 * UTF-8 bytes of `Source`, `DetailType`, `Detail` and each of `Resources`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export function entrySize(entry: Record<string, unknown>): number {
  let size = entry.Time !== undefined && entry.Time !== null ? TIME_SIZE : 0;
  for (const field of ['Source', 'DetailType', 'Detail'] as const) size += utf8Length(entry[field]);
  if (Array.isArray(entry.Resources)) for (const resource of entry.Resources) size += utf8Length(resource);
  return size;
}

function utf8Length(value: unknown): number {
  return typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0;
}
