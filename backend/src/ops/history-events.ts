import type { HistoryEvent as SfnHistoryEvent } from '@aws-sdk/client-sfn';
import type { HistoryEvent } from '../contracts/api.js';

/** What replaces a task token wherever one appears in an execution's history. */
export const REDACTED = '[redacted]';

/**
 * Step Functions history events as the ops API answers them: the event's own fields plus the
 * useful ones of its `…EventDetails` (state name, resource, input, output, parameters, error,
 * cause). The same mapping serves the local runtime and AWS, both answering GetExecutionHistory.
 * Task tokens never leave the backend (DESIGN "Events"): a waitForTaskToken task's parameters
 * carry one, so every JSON text is cleaned by {@link redactTaskTokens}. The state an event belongs
 * to is carried forward from the last `…StateEntered`, as the AWS console groups them.
 */
export function toHistoryEvents(events: readonly SfnHistoryEvent[]): HistoryEvent[] {
  let currentState: string | undefined;
  return events.map((event) => {
    const details = detailsOf(event);
    const name = typeof details.name === 'string' ? details.name : undefined;
    if (name && event.type?.endsWith('StateEntered')) currentState = name;
    const mapped: HistoryEvent = {
      id: event.id ?? 0,
      timestamp: (event.timestamp ?? new Date(0)).toISOString(),
      type: event.type ?? 'Unknown',
      ...(event.previousEventId !== undefined && { previousEventId: event.previousEventId }),
    };
    const stateName = name ?? (event.type?.startsWith('Execution') ? undefined : currentState);
    if (stateName !== undefined) mapped.stateName = stateName;
    for (const field of ['resource', 'input', 'output', 'parameters', 'error', 'cause'] as const) {
      const value = details[field];
      if (typeof value === 'string') mapped[field] = redactTaskTokens(value);
    }
    return mapped;
  });
}

/** The event's `…EventDetails` object (each event has at most one), or an empty record. */
function detailsOf(event: SfnHistoryEvent): Record<string, unknown> {
  for (const [key, value] of Object.entries(event))
    if (key.endsWith('EventDetails') && value && typeof value === 'object')
      return value as Record<string, unknown>;
  return {};
}

/** A key naming a task token, in any casing (`taskToken`, `TaskToken`, `task_token`). */
const TOKEN_KEY = /^task_?token$/i;

/**
 * `text` with the value of every `taskToken` key replaced by {@link REDACTED} — in JSON, and in JSON
 * nested as text inside it (an EventBridge entry's `Detail` is a JSON string). Text that is not
 * JSON is returned unchanged.
 */
export function redactTaskTokens(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  if (parsed === null || typeof parsed !== 'object') return text;
  return JSON.stringify(redactValue(parsed));
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, TOKEN_KEY.test(key) ? REDACTED : redactValue(inner)]),
    );
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) return redactTaskTokens(value);
  return value;
}
