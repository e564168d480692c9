import type { ValidEntry } from './validate-entry.js';

/** An event as EventBridge delivers it, as JSON text and as a tree for pattern matching. */
export interface BuiltEvent {
  id: string;
  /** The event's JSON text, with `detail` exactly as PutEvents received it. */
  text: string;
  /** The event parsed, numbers keeping their text. */
  value: Record<string, unknown>;
}

/** Where the event is published. */
export interface EventOrigin {
  id: string;
  account: string;
  region: string;
  /** Epoch milliseconds; the event's time when the entry gives none. */
  receivedAt: number;
}

/**
 * Wraps an accepted entry in the event envelope: `version`, `id`, `detail-type`, `source`,
 * `account`, `time` (ISO 8601 to the second), `region`, `resources` and `detail`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
export function buildEvent(entry: ValidEntry, origin: EventOrigin): BuiltEvent {
  const head = {
    version: '0',
    id: origin.id,
    'detail-type': entry.detailType,
    source: entry.source,
    account: origin.account,
    time: new Date(entry.time ?? origin.receivedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: origin.region,
    resources: entry.resources,
  };
  const headText = JSON.stringify(head);
  return {
    id: origin.id,
    text: `${headText.slice(0, -1)},"detail":${entry.detail.text}}`,
    value: { ...head, detail: entry.detail.value },
  };
}
