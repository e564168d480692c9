import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactTaskTokens, toHistoryEvents } from './history-events.js';

const at = (second: number) => new Date(Date.UTC(2026, 10, 22, 14, 0, second));

describe('redactTaskTokens', () => {
  it.each([
    { text: '{"taskToken":"abc"}', expected: `{"taskToken":"${REDACTED}"}` },
    { text: '{"a":{"TaskToken":"abc","b":1}}', expected: `{"a":{"TaskToken":"${REDACTED}","b":1}}` },
    {
      text: JSON.stringify({ Entries: [{ Detail: JSON.stringify({ orderId: 'o1', taskToken: 'abc' }) }] }),
      expected: JSON.stringify({
        Entries: [{ Detail: JSON.stringify({ orderId: 'o1', taskToken: REDACTED }) }],
      }),
    },
    { text: 'not json', expected: 'not json' },
    { text: '"a string"', expected: '"a string"' },
  ])('$text', ({ text, expected }) => {
    expect(redactTaskTokens(text)).toBe(expected);
  });
});

describe('toHistoryEvents', () => {
  it('maps each event’s details and carries the state name forward to the events of that state', () => {
    // Arrange
    const events: HistoryEvent[] = [
      {
        id: 1,
        type: 'ExecutionStarted',
        timestamp: at(0),
        executionStartedEventDetails: { input: '{"a":1}' },
      },
      {
        id: 2,
        previousEventId: 1,
        type: 'TaskStateEntered',
        timestamp: at(1),
        stateEnteredEventDetails: { name: 'WaitForDrink', input: '{}' },
      },
      {
        id: 3,
        previousEventId: 2,
        type: 'TaskScheduled',
        timestamp: at(2),
        taskScheduledEventDetails: {
          resource: 'putEvents.waitForTaskToken',
          resourceType: 'events',
          region: 'us-east-1',
          parameters: '{"taskToken":"secret"}',
        },
      },
      {
        id: 4,
        previousEventId: 3,
        type: 'TaskFailed',
        timestamp: at(3),
        taskFailedEventDetails: {
          error: 'States.Timeout',
          cause: 'late',
          resource: 'x',
          resourceType: 'events',
        },
      },
      {
        id: 5,
        previousEventId: 4,
        type: 'ExecutionSucceeded',
        timestamp: at(4),
        executionSucceededEventDetails: {},
      },
    ];

    // Act
    const mapped = toHistoryEvents(events);

    // Assert
    expect(mapped).toEqual([
      { id: 1, type: 'ExecutionStarted', timestamp: at(0).toISOString(), input: '{"a":1}' },
      {
        id: 2,
        previousEventId: 1,
        type: 'TaskStateEntered',
        timestamp: at(1).toISOString(),
        stateName: 'WaitForDrink',
        input: '{}',
      },
      {
        id: 3,
        previousEventId: 2,
        type: 'TaskScheduled',
        timestamp: at(2).toISOString(),
        stateName: 'WaitForDrink',
        resource: 'putEvents.waitForTaskToken',
        parameters: `{"taskToken":"${REDACTED}"}`,
      },
      {
        id: 4,
        previousEventId: 3,
        type: 'TaskFailed',
        timestamp: at(3).toISOString(),
        stateName: 'WaitForDrink',
        resource: 'x',
        error: 'States.Timeout',
        cause: 'late',
      },
      { id: 5, previousEventId: 4, type: 'ExecutionSucceeded', timestamp: at(4).toISOString() },
    ]);
  });
});
