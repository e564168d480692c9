import type { HistoryEvent } from '@coffee/backend/contracts';

/** One row of the history as the table shows it. */
export interface HistoryRow {
  event: HistoryEvent;
  /** Milliseconds since the execution started. */
  sinceStartMs: number;
  /** Milliseconds since the event before it (0 for the first). */
  sincePreviousMs: number;
}

/** Each event with its time since the start and since the event before. */
export function historyRows(events: readonly HistoryEvent[]): HistoryRow[] {
  const start = events[0] ? Date.parse(events[0].timestamp) : 0;
  return events.map((event, i) => {
    const time = Date.parse(event.timestamp);
    const previous = i > 0 ? Date.parse((events[i - 1] as HistoryEvent).timestamp) : time;
    return { event, sinceStartMs: time - start, sincePreviousMs: time - previous };
  });
}

/** The states an execution entered, in order of first entry, and the last one (where it is, or ended). */
export function pathOf(events: readonly HistoryEvent[]): {
  visited: Set<string>;
  current: string | undefined;
} {
  const visited = new Set<string>();
  let current: string | undefined;
  for (const event of events) {
    if (event.type.endsWith('StateEntered') && event.stateName) {
      visited.add(event.stateName);
      current = event.stateName;
    }
  }
  return { visited, current };
}

/** A duration for a person: "120 ms", "4.2 s", "3 min 05 s". */
export function durationWords(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** JSON text pretty-printed for reading; anything else as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
