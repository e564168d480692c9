import { busNameOf } from '../arns.js';
import { EventBridgeError } from '../errors.js';
import { isJsonObject, JsonSyntaxError, parseJsonText } from '../pattern/json-text.js';

/** A PutEvents entry that passed validation. */
export interface ValidEntry {
  source: string;
  detailType: string;
  /** `Detail` as given, and parsed keeping each number's text (for pattern matching). */
  detail: { text: string; value: Record<string, unknown> };
  resources: string[];
  /** `Time` in epoch milliseconds, when given. */
  time?: number;
  eventBusName: string;
}

/** A failed entry, reported in the PutEvents response rather than thrown. */
export interface EntryError {
  ErrorCode: string;
  ErrorMessage: string;
}

/** The outcome of validating one entry. */
export type EntryOutcome = { ok: true; entry: ValidEntry } | { ok: false; error: EntryError };

/**
 * Validates one PutEvents entry: `Source`, `DetailType` and `Detail` are required, `Detail` must
 * be a JSON object, and sources beginning with `aws.` are AWS's own.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsResultEntry.html
 */
export function validateEntry(raw: unknown): EntryOutcome {
  if (!isJsonObject(raw)) return failure('InvalidArgument', 'Each entry must be an object.');
  const source = raw.Source;
  if (typeof source !== 'string' || source.length === 0) return required('Source');
  if (source.startsWith('aws.')) {
    return failure(
      'NotAuthorizedForSourceException',
      `Not authorized for the source ${source}: sources beginning with "aws." are AWS's own.`,
    );
  }
  const detailType = raw.DetailType;
  if (typeof detailType !== 'string' || detailType.length === 0) return required('DetailType');
  const detailText = raw.Detail;
  if (typeof detailText !== 'string' || detailText.length === 0) return required('Detail');
  let detail: unknown;
  try {
    detail = parseJsonText(detailText);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return failure('MalformedDetail', 'Detail is malformed.');
  }
  if (!isJsonObject(detail))
    return failure('MalformedDetail', 'Detail is malformed: it must be a JSON object.');
  const resources = raw.Resources ?? [];
  if (!Array.isArray(resources) || !resources.every((resource) => typeof resource === 'string')) {
    return invalid('Resources', 'Resources must be a list of strings.');
  }
  const time = raw.Time;
  if (time !== undefined && time !== null && (typeof time !== 'number' || !Number.isFinite(time))) {
    return invalid('Time', 'Time must be a timestamp.');
  }
  const busName = raw.EventBusName;
  if (busName !== undefined && busName !== null && typeof busName !== 'string') {
    return invalid('EventBusName', 'EventBusName must be a string.');
  }
  let eventBusName: string;
  try {
    eventBusName = busNameOf(busName ?? undefined);
  } catch (error) {
    if (error instanceof EventBridgeError) return invalid('EventBusName', error.message);
    throw error;
  }
  return {
    ok: true,
    entry: {
      source,
      detailType,
      detail: { text: detailText.trim(), value: detail },
      resources,
      ...(typeof time === 'number' && { time: Math.round(time * 1000) }),
      eventBusName,
    },
  };
}

function required(field: string): EntryOutcome {
  return invalid(field, `${field} is a required argument.`);
}

function invalid(field: string, reason: string): EntryOutcome {
  return failure('InvalidArgument', `Parameter ${field} is not valid. Reason: ${reason}`);
}

function failure(code: string, message: string): EntryOutcome {
  return { ok: false, error: { ErrorCode: code, ErrorMessage: message } };
}
