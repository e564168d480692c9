import { describe, expect, it } from 'vitest';
import { placeholdersIn, taskPermissions } from '../lib/asl-permissions.js';
import type { RefKind } from '../lib/resource-registry.js';

const KINDS: Record<string, RefKind> = {
  Orders: 'table',
  Shops: 'table',
  Bus: 'eventBus',
  Worker: 'function',
  Machine: 'stateMachine',
};
const kindOf = (name: string) => KINDS[name];
/** `${name}`, a definition substitution's placeholder. */
const ph = (name: string) => `\${${name}}`;
const task = (Resource: string, Parameters: unknown = {}) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource, Parameters, End: true } },
});

describe('taskPermissions', () => {
  it.each([
    [
      'arn:aws:states:::dynamodb:getItem',
      { TableName: ph('Orders') },
      ['dynamodb:GetItem'],
      'table',
      ['Orders'],
    ],
    [
      'arn:aws:states:::dynamodb:updateItem',
      { TableName: ph('Shops') },
      ['dynamodb:UpdateItem'],
      'table',
      ['Shops'],
    ],
    [
      'arn:aws:states:::events:putEvents',
      { Entries: [{ EventBusName: ph('Bus') }] },
      ['events:PutEvents'],
      'eventBus',
      ['Bus'],
    ],
    [
      'arn:aws:states:::events:putEvents.waitForTaskToken',
      { Entries: [{ EventBusName: ph('Bus'), Detail: { 'token.$': '$$.Task.Token' } }] },
      ['events:PutEvents'],
      'eventBus',
      ['Bus'],
    ],
    [
      'arn:aws:states:::lambda:invoke',
      { FunctionName: ph('Worker') },
      ['lambda:InvokeFunction'],
      'function',
      ['Worker'],
    ],
    [ph('Worker'), {}, ['lambda:InvokeFunction'], 'function', ['Worker']],
    [
      'arn:aws:states:::aws-sdk:sfn:listExecutions',
      { StateMachineArn: ph('Machine') },
      ['states:ListExecutions'],
      'stateMachine',
      ['Machine'],
    ],
    ['arn:aws:states:::dynamodb:putItem', { 'TableName.$': '$.table' }, ['dynamodb:PutItem'], 'table', []],
  ])('%s needs %j', (resource, parameters, actions, kind, substitutions) => {
    const [permission] = taskPermissions(task(resource, parameters), kindOf);
    expect(permission).toEqual({ actions, kind, substitutions });
  });

  it('reads Tasks nested in Parallel branches and Map processors', () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [task('arn:aws:states:::dynamodb:getItem', { TableName: ph('Orders') })],
          Next: 'M',
        },
        M: {
          Type: 'Map',
          ItemProcessor: task('arn:aws:states:::dynamodb:deleteItem', { TableName: ph('Shops') }),
          End: true,
        },
      },
    };
    expect(taskPermissions(definition, kindOf).map((permission) => permission.actions[0])).toEqual([
      'dynamodb:GetItem',
      'dynamodb:DeleteItem',
    ]);
  });

  it('refuses a Task whose permissions it cannot derive, rather than granting too much or too little', () => {
    expect(() => taskPermissions(task('arn:aws:states:::ecs:runTask.sync'), kindOf)).toThrow(/cannot derive/);
  });
});

describe('placeholdersIn', () => {
  it('finds every placeholder at any depth', () => {
    expect(placeholdersIn({ a: ph('One'), b: [{ c: `x ${ph('Two')} y` }] })).toEqual(['One', 'Two']);
  });
});
