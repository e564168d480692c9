import type { HistoryEventRecord } from './records.js';

/**
 * The stored form of history events. The events one transaction appends are stored together, as
 * one JSON array (a chunk) of encoded events.
 *
 * Most events are a state being entered or exited, and carry the state's input or output as JSON
 * text. Those are stored as a tuple, `[kind, id, previousEventId, timestamp, type, name, payload]`,
 * whose payload is the JSON value itself: the text is spliced in rather than escaped again as a
 * string, and the field names are not repeated. Other events are stored as they are.
 */

/** Whether a state event is a state being entered or exited. */
export type StateEventKind = 'entered' | 'exited';

/** The details of each kind of state event, as AWS names them. */
const STATE_EVENT_FIELDS = {
  entered: { details: 'stateEnteredEventDetails', payload: 'input', payloadDetails: 'inputDetails' },
  exited: { details: 'stateExitedEventDetails', payload: 'output', payloadDetails: 'outputDetails' },
} as const;

/** A state entered or exited event in AWS's shape. `payload` is the state's input or output as JSON text. */
export function stateEvent(
  kind: StateEventKind,
  id: number,
  previousEventId: number,
  timestamp: number,
  type: string,
  name: string,
  payload: string | undefined,
): HistoryEventRecord {
  const fields = STATE_EVENT_FIELDS[kind];
  return {
    id,
    previousEventId,
    timestamp,
    type,
    [fields.details]: { name, [fields.payload]: payload, [fields.payloadDetails]: { truncated: false } },
  };
}

/**
 * A state entered or exited event in its stored form. `payload` must be what `JSON.stringify`
 * gave for the state's input or output: that text survives a parse and a second stringify
 * unchanged, so the reader gives back exactly the string the writer had.
 */
export function encodeStateEvent(
  kind: StateEventKind,
  id: number,
  previousEventId: number,
  timestamp: number,
  type: string,
  name: string,
  payload: string,
): string {
  return `["${kind}",${id},${previousEventId},${timestamp},${JSON.stringify(type)},${JSON.stringify(name)},${payload}]`;
}

/** Any other event in its stored form. */
export function encodeEvent(event: HistoryEventRecord): string {
  return JSON.stringify(event);
}

/** The stored form of a chunk of encoded events. */
export function encodeHistoryChunk(events: readonly string[]): string {
  // The brackets go on the first and last events so that one join copies everything once.
  const parts = events.slice();
  const last = parts.length - 1;
  parts[0] = `[${parts[0]}`;
  parts[last] = `${parts[last]}]`;
  return parts.join(',');
}

/** The events of a stored chunk, in AWS's shape. */
export function decodeHistoryChunk(text: string): HistoryEventRecord[] {
  const stored = JSON.parse(text) as Array<HistoryEventRecord | StoredStateEvent>;
  return stored.map((event) =>
    Array.isArray(event)
      ? stateEvent(event[0], event[1], event[2], event[3], event[4], event[5], JSON.stringify(event[6]))
      : event,
  );
}

type StoredStateEvent = [StateEventKind, number, number, number, string, string, unknown];
