import type { HistoryEvent } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { durationWords, historyRows, pathOf, prettyJson } from './history-summary';

const event = (id: number, type: string, ms: number, stateName?: string): HistoryEvent => ({
  id,
  type,
  timestamp: new Date(Date.UTC(2026, 10, 22, 14, 0, 0, ms)).toISOString(),
  ...(stateName && { stateName }),
});

describe('historyRows', () => {
  it('times each event from the start and from the event before', () => {
    const rows = historyRows([
      event(1, 'ExecutionStarted', 0),
      event(2, 'PassStateEntered', 40),
      event(3, 'X', 100),
    ]);
    expect(rows.map((r) => [r.sinceStartMs, r.sincePreviousMs])).toEqual([
      [0, 0],
      [40, 40],
      [100, 60],
    ]);
  });
});

describe('pathOf', () => {
  it('collects the states entered and the last one', () => {
    const { visited, current } = pathOf([
      event(1, 'ExecutionStarted', 0),
      event(2, 'PassStateEntered', 1, 'A'),
      event(3, 'PassStateExited', 2, 'A'),
      event(4, 'TaskStateEntered', 3, 'B'),
      event(5, 'TaskScheduled', 4, 'B'),
    ]);
    expect([...visited]).toEqual(['A', 'B']);
    expect(current).toBe('B');
  });
});

describe('durationWords', () => {
  it.each([
    { ms: 120, words: '120 ms' },
    { ms: 4200, words: '4.2 s' },
    { ms: 185_000, words: '3 min 05 s' },
  ])('$ms ms is "$words"', ({ ms, words }) => {
    expect(durationWords(ms)).toBe(words);
  });
});

describe('prettyJson', () => {
  it('indents JSON and leaves other text', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('oops')).toBe('oops');
  });
});
