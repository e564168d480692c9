import type { HistoryEvent } from '@aws-sdk/client-sfn';

/** The types of history events, in order. */
export function typesOf(events: HistoryEvent[]): string[] {
  return events.map((event) => event.type as string);
}

/** The timestamp, in epoch milliseconds, of the `nth` event (from 1) of a type. */
export function timeOf(events: HistoryEvent[], type: string, nth = 1): number {
  const event = events.filter((candidate) => candidate.type === type)[nth - 1];
  if (!event?.timestamp) throw new Error(`No ${type} event #${nth} in ${typesOf(events).join(', ')}`);
  return event.timestamp.getTime();
}
