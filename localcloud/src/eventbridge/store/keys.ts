/**
 * The key layout of the EventBridge store. Keys sort so that a range scan lists one kind of
 * record, and one bus's rules or one rule's targets.
 */

const SEPARATOR = '\u0000';
const END = '\uffff';

/** A key prefix's bounds, for a range scan. */
export interface KeyRange {
  gt: string;
  lt: string;
}

function range(prefix: string): KeyRange {
  return { gt: prefix, lt: prefix + END };
}

/** Key builders for each kind of record. */
export const Keys = {
  eventBus: (name: string) => `bus${SEPARATOR}${name}`,
  eventBuses: (): KeyRange => range(`bus${SEPARATOR}`),
  rule: (busName: string, ruleName: string) => `rule${SEPARATOR}${busName}${SEPARATOR}${ruleName}`,
  rules: (): KeyRange => range(`rule${SEPARATOR}`),
  target: (busName: string, ruleName: string, targetId: string) =>
    `target${SEPARATOR}${busName}${SEPARATOR}${ruleName}${SEPARATOR}${targetId}`,
  targets: (): KeyRange => range(`target${SEPARATOR}`),
  delivery: (id: string) => `delivery${SEPARATOR}${id}`,
  deliveries: (): KeyRange => range(`delivery${SEPARATOR}`),
  deadLetter: (id: string) => `dead${SEPARATOR}${id}`,
  deadLetters: (): KeyRange => range(`dead${SEPARATOR}`),
} as const;
