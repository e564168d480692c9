/**
 * The state machines both engines run. (a) five Pass/Choice states; (b) one task-token round
 * trip. For the in-memory peer, which has no task tokens, (b)'s task is a local handler answered
 * on the next turn of the event loop: the closest equivalent it offers.
 */

/** (a) A 5-state Pass/Choice machine. */
export const passChoiceMachine = {
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Pass',
      Parameters: { 'size.$': '$.size', milk: 'oat' },
      ResultPath: '$.order',
      Next: 'IsLarge',
    },
    IsLarge: {
      Type: 'Choice',
      Choices: [{ Variable: '$.order.size', StringEquals: 'large', Next: 'Large' }],
      Default: 'Regular',
    },
    Large: { Type: 'Pass', Result: 2, ResultPath: '$.shots', Next: 'Done' },
    Regular: { Type: 'Pass', Result: 1, ResultPath: '$.shots', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

/** (b) One task-token round trip, for our engine: a Lambda gets the token and answers it. */
export function callbackMachine(resource: string) {
  return {
    StartAt: 'Accept',
    States: {
      Accept: { Type: 'Pass', Result: { accepted: true }, ResultPath: '$.accept', Next: 'AwaitBarista' },
      AwaitBarista: {
        Type: 'Task',
        Resource: resource,
        Parameters: { FunctionName: 'barista', Payload: { 'token.$': '$$.Task.Token', 'order.$': '$' } },
        ResultPath: '$.made',
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  };
}

/** Inputs alternate so both Choice branches run. */
export function inputFor(index: number): { size: string } {
  return { size: index % 2 === 0 ? 'large' : 'regular' };
}
