import { describe, expect, it } from 'vitest';
import {
  decodeHistoryChunk,
  encodeDetailsEvent,
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

  it.each([
    ['with a payload', '{"a":"b \\"c\\""}'],
    ['without one', undefined],
  ])('gives back a task or execution event %s as AWS shapes it', (_case, payload) => {
    // Arrange
    const details = { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', region: 'us-east-1' };
    const stored = encodeHistoryChunk([
      encodeDetailsEvent(
        5,
        4,
        1_700_000_000_000,
        'TaskScheduled',
        JSON.stringify(details),
        'parameters',
        payload,
      ),
    ]);

    // Act
    const [event] = decodeHistoryChunk(stored);

    // Assert
    expect(event).toEqual({
      id: 5,
      previousEventId: 4,
      timestamp: 1_700_000_000_000,
      type: 'TaskScheduled',
      taskScheduledEventDetails: { ...details, ...(payload !== undefined && { parameters: payload }) },
    });
  });

  it('gives back the payload an event repeats from the newest event of its chunk that carried one', () => {
    // Arrange: a task's output, the next state entered and exited with it, then the execution's.
    const output = JSON.stringify({ made: true, name: 'caf\u00e9 "latte"' });
    const stored = encodeHistoryChunk([
      encodeStateEvent('entered', 2, 1, 1, 'PassStateEntered', 'Prepare', '{"size":"large"}'),
      encodeStateEvent('exited', 3, 2, 2, 'PassStateExited', 'Prepare', output),
      encodeDetailsEvent(4, 3, 3, 'TaskStarted', '{"resourceType":"lambda","resource":"invoke"}'),
      encodeStateEvent('entered', 5, 4, 4, 'SucceedStateEntered', 'Done', output, true),
      encodeStateEvent('exited', 6, 5, 5, 'SucceedStateExited', 'Done', output, true),
      encodeDetailsEvent(
        7,
        6,
        6,
        'ExecutionSucceeded',
        '{"outputDetails":{"truncated":false}}',
        'output',
        output,
        true,
      ),
    ]);

    // Act
    const events = decodeHistoryChunk(stored);

    // Assert
    expect(events.map((event) => event.type)).toEqual([
      'PassStateEntered',
      'PassStateExited',
      'TaskStarted',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[0]).toEqual(
      stateEvent('entered', 2, 1, 1, 'PassStateEntered', 'Prepare', '{"size":"large"}'),
    );
    expect(events[3]).toEqual(stateEvent('entered', 5, 4, 4, 'SucceedStateEntered', 'Done', output));
    expect(events[4]).toEqual(stateEvent('exited', 6, 5, 5, 'SucceedStateExited', 'Done', output));
    expect(events[5]).toEqual({
      id: 7,
      previousEventId: 6,
      timestamp: 6,
      type: 'ExecutionSucceeded',
      executionSucceededEventDetails: { output, outputDetails: { truncated: false } },
    });
  });

  it('repeats payloads within a chunk only', () => {
    // Arrange: each transaction's events are a chunk of their own.
    const first = encodeHistoryChunk([encodeStateEvent('exited', 3, 2, 2, 'PassStateExited', 'A', '[1]')]);
    const second = encodeHistoryChunk([encodeStateEvent('entered', 4, 3, 3, 'PassStateEntered', 'B', '[2]')]);

    // Act
    const events = [...decodeHistoryChunk(first), ...decodeHistoryChunk(second)];

    // Assert
    expect(events.map((event) => JSON.stringify(event))).toEqual([
      JSON.stringify(stateEvent('exited', 3, 2, 2, 'PassStateExited', 'A', '[1]')),
      JSON.stringify(stateEvent('entered', 4, 3, 3, 'PassStateEntered', 'B', '[2]')),
    ]);
  });
});
