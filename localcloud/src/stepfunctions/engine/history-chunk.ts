import type { HistoryEventRecord } from './records.js';

/**
 * The stored form of history events. The events one transaction appends are stored together, as
 * one JSON array (a chunk) of encoded events.
 *
 * Most events are a state being entered or exited, and carry the state's input or output as JSON
 * text. Those are stored as a tuple, `[kind, id, previousEventId, timestamp, type, name, payload]`,
 * whose payload is the JSON value itself: the text is spliced in rather than escaped again as a
 * string, and the field names are not repeated. The events the engine writes most besides those
 * (a task's, an execution's start and end) are stored as
 * `["details", id, previousEventId, timestamp, type, details, payloadField?, payload?]`: their
 * details object (under the member AWS names after the type, e.g. `taskSucceededEventDetails`)
 * made from text the engine keeps, and the JSON text they carry (a task's parameters or result,
 * an execution's output) spliced in the same way. Other events are stored as they are.
 *
 * A payload is often the one the event before carried (a state's output is the next state's
 * input): a tuple then leaves its payload out, and the reader takes the payload of the newest
 * event of the chunk that has one.
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
 * unchanged, so the reader gives back exactly the string the writer had. With `repeated`, the
 * payload is the one the chunk's previous event with a payload carried, and is left out. `type`
 * is one of the engine's event types, written without escaping.
 */
export function encodeStateEvent(
  kind: StateEventKind,
  id: number,
  previousEventId: number,
  timestamp: number,
  type: string,
  name: string,
  payload: string,
  repeated = false,
): string {
  const head = `["${kind}",${id},${previousEventId},${timestamp},"${type}",${JSON.stringify(name)}`;
  return repeated ? `${head}]` : `${head},${payload}]`;
}

/**
 * An event in its stored `details` form. `detailsText` is the text of the details object without
 * the payload (JSON, as `JSON.stringify` writes an object); `payload`, when given, is JSON text
 * `JSON.stringify` wrote, which the reader gives back as the string `payloadField` held. With
 * `repeated`, the payload is the one the chunk's previous event with a payload carried, and is
 * left out. `type` and `payloadField` are names the engine chooses: written without escaping,
 * they must not need any.
 */
export function encodeDetailsEvent(
  id: number,
  previousEventId: number,
  timestamp: number,
  type: string,
  detailsText: string,
  payloadField?: string,
  payload?: string,
  repeated = false,
): string {
  const head = `["details",${id},${previousEventId},${timestamp},"${type}",${detailsText}`;
  if (payload === undefined) return `${head}]`;
  return repeated ? `${head},"${payloadField}"]` : `${head},"${payloadField}",${payload}]`;
}

/** The member holding an event's details: `taskSucceededEventDetails` for `TaskSucceeded`. */
function detailsFieldOf(type: string): string {
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
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
  const stored = JSON.parse(text) as Array<HistoryEventRecord | StoredStateEvent | StoredDetailsEvent>;
  // The payload of the newest event with one, for the events that repeat it.
  let payload: string | undefined;
  return stored.map((event) => {
    if (!Array.isArray(event)) return event;
    if (event[0] === 'details') {
      const [, id, previousEventId, timestamp, type, details, payloadField] = event;
      if (payloadField !== undefined) {
        if (event.length > 7) payload = JSON.stringify(event[7]);
        details[payloadField] = payload;
      }
      return { id, previousEventId, timestamp, type, [detailsFieldOf(type)]: details };
    }
    const [kind, id, previousEventId, timestamp, type, name] = event;
    if (event.length > 6) payload = JSON.stringify(event[6]);
    return stateEvent(kind, id, previousEventId, timestamp, type, name, payload);
  });
}

type StoredStateEvent = [StateEventKind, number, number, number, string, string, unknown?];
type StoredDetailsEvent = [
  'details',
  number,
  number,
  number,
  string,
  Record<string, unknown>,
  string?,
  unknown?,
];
