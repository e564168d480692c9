import { describe, expect, it } from 'vitest';
import {
  decodeHistoryChunk,
  encodeEvent,
  encodeHistoryChunk,
  encodeStateEvent,
  type StateEventKind,
  stateEvent,
} from './history-chunk.js';

/** What the chunk's reader must give back: the event as the old, plain encoding stored it. */
function plainRoundTrip(kind: StateEventKind, payload: string | undefined) {
  return JSON.parse(
    JSON.stringify(stateEvent(kind, 4, 3, 1_700_000_000_000, 'PassStateExited', 'Prepare', payload)),
  );
}

describe('history chunks', () => {
  it.each([
    ['an object', { size: 'large', order: { milk: 'oat', shots: 2 } }],
    ['a string, which stays JSON text rather than becoming the string', 'hello'],
    ['a string of quotes, backslashes and control characters', 'a "b" \\ c\n\u0001'],
    ['a number', 1e21],
    ['negative zero', -0],
    ['null', null],
    ['an array', [1, 'two', { three: [3] }]],
    ['integer-like keys', { b: 1, 10: 'ten', 2: 'two' }],
    ['a lone surrogate and other Unicode', 'caf\u00e9 \ud83d\ude00 \ud800'],
    ['a "__proto__" member', JSON.parse('{"__proto__":{"x":1}}')],
  ])('gives back a state output that is %s exactly as JSON.stringify wrote it', (_case, value) => {
    // Arrange
    const payload = JSON.stringify(value);
    const stored = encodeHistoryChunk([
      encodeStateEvent('exited', 4, 3, 1_700_000_000_000, 'PassStateExited', 'Prepare', payload),
    ]);

    // Act
    const [event] = decodeHistoryChunk(stored);

    // Assert
    expect(event).toEqual(plainRoundTrip('exited', payload));
    expect(JSON.stringify(event)).toBe(JSON.stringify(plainRoundTrip('exited', payload)));
  });

  it('keeps other events, and chunks written before state events were encoded, as they were', () => {
    // Arrange
    const started = {
      id: 1,
      previousEventId: 0,
      timestamp: 1_700_000_000_000,
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: '{ "as": "sent" }', inputDetails: { truncated: false } },
    };
    const entered = stateEvent('entered', 2, 1, 1_700_000_000_001, 'TaskStateEntered', 'Brew', '{"a":1}');
    const mixed = encodeHistoryChunk([
      encodeEvent(started),
      encodeStateEvent('entered', 2, 1, 1_700_000_000_001, 'TaskStateEntered', 'Brew', '{"a":1}'),
    ]);

    // Act
    const fromMixed = decodeHistoryChunk(mixed);
    const fromPlain = decodeHistoryChunk(JSON.stringify([started, entered]));

    // Assert
    expect(JSON.stringify(fromMixed)).toBe(JSON.stringify([started, entered]));
    expect(JSON.stringify(fromPlain)).toBe(JSON.stringify([started, entered]));
  });
});
