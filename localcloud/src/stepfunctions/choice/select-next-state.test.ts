import { describe, expect, it } from 'vitest';
import type { ChoiceState } from '../asl/types.js';
import { selectNextState } from './select-next-state.js';

const context = { State: { Name: 'DispatchEvent', EnteredTime: '2024-01-01T00:00:00Z', RetryCount: 0 } };

// The "DispatchEvent" example of https://states-language.net/spec.html#choice-state
const dispatchEvent: ChoiceState = {
  Type: 'Choice',
  Choices: [
    { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
    {
      And: [
        { Variable: '$.value', IsPresent: true },
        { Variable: '$.value', IsNumeric: true },
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
      Next: 'ValueInTwenties',
    },
    { Variable: '$.rating', NumericGreaterThanPath: '$.auditThreshold', Next: 'StartAudit' },
  ],
  Default: 'RecordEvent',
};

// The "ChoiceStateX" example of https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
const choiceStateX: ChoiceState = {
  Type: 'Choice',
  Choices: [
    { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
    { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
    {
      And: [
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
      Next: 'ValueInTwenties',
    },
  ],
  Default: 'DefaultState',
};

describe('selectNextState', () => {
  it.each([
    [dispatchEvent, { type: 'Private', value: 22 }, 'ValueInTwenties'],
    [dispatchEvent, { type: 'Public', value: 22 }, 'Public'],
    [dispatchEvent, { type: 'Private', rating: 80, auditThreshold: 50 }, 'StartAudit'],
    [dispatchEvent, { type: 'Private', value: 35, rating: 10, auditThreshold: 50 }, 'RecordEvent'],
    [choiceStateX, { type: 'Private', value: 22 }, 'ValueInTwenties'],
    [choiceStateX, { type: 'Private', value: 0 }, 'ValueIsZero'],
    [choiceStateX, { type: 'Private', value: 42 }, 'DefaultState'],
  ])('takes the first matching rule, else the Default (%#)', (state, input, expected) => {
    expect(selectNextState(state, input, context)).toBe(expected);
  });

  it('fails with States.NoChoiceMatched when nothing matches and there is no Default', () => {
    const { Default: _default, ...withoutDefault } = choiceStateX;

    expect(() => selectNextState(withoutDefault, { type: 'Private', value: 42 }, context)).toThrow(
      expect.objectContaining({
        name: 'States.NoChoiceMatched',
        cause:
          "An error occurred while executing the state 'DispatchEvent'. No Choice Rule matched the state input and no Default was given.",
      }),
    );
  });

  // "If the state input doesn't contain the $.type field, the execution fails" — AWS Choice docs.
  it('fails with States.Runtime when a rule reads a field the input lacks', () => {
    expect(() => selectNextState(choiceStateX, { value: 22 }, context)).toThrow(
      expect.objectContaining({
        name: 'States.Runtime',
        cause: expect.stringContaining("Invalid path '$.type'"),
      }),
    );
  });

  it('leaves the state name out of the cause when the context has none', () => {
    const state: ChoiceState = { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'X' }] };

    expect(() => selectNextState(state, { a: 1 }, {})).toThrow(
      expect.objectContaining({ cause: 'No Choice Rule matched the state input and no Default was given.' }),
    );
  });
});
