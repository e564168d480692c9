import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventType } from '../src/contracts/events.js';
import { OrderState } from '../src/contracts/orders.js';
import { resources } from '../src/resources.js';

const machine = resources.stateMachines.orderProcessor;
const text = readFileSync(join(import.meta.dirname, '..', machine.definitionFile), 'utf8');

interface TaskState {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  Retry?: Array<{ ErrorEquals: string[] }>;
  Catch?: Array<{ ErrorEquals: string[]; Next: string }>;
}
const states = Object.entries((JSON.parse(text) as { States: Record<string, TaskState> }).States);
const tasks = states.filter(([, state]) => state.Type === 'Task');

describe('the OrderProcessor definition', () => {
  it('has a substitution for every placeholder, and a placeholder for every substitution', () => {
    const placeholders = new Set([...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]));
    expect([...placeholders].sort()).toEqual(Object.keys(machine.substitutions).sort());
  });

  it('writes no detail-type, table name or order state as a literal', () => {
    for (const type of Object.values(EventType)) expect(text).not.toContain(type);
    for (const literal of [...Object.keys(resources.tables), ...Object.values(OrderState)]) {
      expect(text).not.toMatch(new RegExp(`["'#]${literal}["']`));
    }
  });

  it.each(tasks)('%s retries transient errors only and catches every other', (_, state) => {
    expect(state.Retry?.length).toBeGreaterThan(0);
    const retried = state.Retry?.flatMap((retrier) => retrier.ErrorEquals) ?? [];
    expect(retried).not.toContain('DynamoDB.ConditionalCheckFailedException');
    expect(retried).not.toContain('States.ALL');
    expect(retried).not.toContain('States.TaskFailed');
    expect(state.Catch?.at(-1)?.ErrorEquals).toEqual(['States.ALL']);
  });

  it.each(
    tasks.filter(
      ([, state]) =>
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the definition's placeholder, not a template
        state.Parameters?.TableName === '${OrdersTable}' &&
        String(state.Parameters.UpdateExpression).includes('#state ='),
    ),
  )('%s changes the order state from an expected state, with shopState and updatedAt', (_, state) => {
    const parameters = state.Parameters as Record<string, string>;
    expect(parameters.ConditionExpression).toMatch(/#state (=|IN)/);
    expect(parameters.ConditionExpression).toContain('executionId = :me');
    expect(parameters.UpdateExpression).toContain('shopState = :shopState');
    expect(parameters.UpdateExpression).toContain('updatedAt = :now');
  });
});
