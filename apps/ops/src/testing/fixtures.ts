import {
  type AslDefinition,
  type Order,
  type OrderHistoryResponse,
  OrderState,
  type WaitTimesResponse,
  type WorkflowResponse,
} from '@coffee/backend/contracts';

/** A small workflow: a choice, a wait for the barista with a catch, and two ends. */
export const DEFINITION: AslDefinition = {
  StartAt: 'ReadShop',
  States: {
    ReadShop: { Type: 'Task', Next: 'IsShopOpen' },
    IsShopOpen: { Type: 'Choice', Choices: [{ Next: 'WaitForCompletion' }], Default: 'Rejected' },
    WaitForCompletion: {
      Type: 'Task',
      Next: 'Done',
      Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'TimedOut' }],
    },
    TimedOut: { Type: 'Fail' },
    Rejected: { Type: 'Succeed' },
    Done: { Type: 'Succeed' },
  },
};

/** The workflow answer: two orders waiting for the barista. */
export const WORKFLOW: WorkflowResponse = {
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderProcessor',
  name: 'OrderProcessor',
  definition: DEFINITION,
  counts: { WaitForCompletion: 2 },
  running: 2,
  countedAt: '2026-01-01T10:00:00.000Z',
};

/** An order of shop `main`; override what the test is about. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'o1',
    shopId: 'main',
    userId: 'u1',
    state: OrderState.Making,
    orderNumber: 7,
    drink: { drinkId: 'latte', modifiers: {} },
    createdAt: '2026-01-01T09:58:00.000Z',
    updatedAt: '2026-01-01T09:59:00.000Z',
    ...overrides,
  };
}

const t = (ms: number) => new Date(Date.parse('2026-01-01T09:58:00.000Z') + ms).toISOString();

/** The history of order `o1`: started, read the shop, chose, waiting for the barista. */
export const HISTORY: OrderHistoryResponse = {
  orderId: 'o1',
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:OrderProcessor:x1',
  status: 'RUNNING',
  startDate: t(0),
  truncated: false,
  events: [
    { id: 1, type: 'ExecutionStarted', timestamp: t(0), input: '{"detail":{"orderId":"o1"}}' },
    {
      id: 2,
      previousEventId: 1,
      type: 'TaskStateEntered',
      timestamp: t(10),
      stateName: 'ReadShop',
      input: '{}',
    },
    {
      id: 3,
      previousEventId: 2,
      type: 'TaskStateExited',
      timestamp: t(40),
      stateName: 'ReadShop',
      output: '{"open":true}',
    },
    { id: 4, previousEventId: 3, type: 'ChoiceStateEntered', timestamp: t(41), stateName: 'IsShopOpen' },
    { id: 5, previousEventId: 4, type: 'ChoiceStateExited', timestamp: t(42), stateName: 'IsShopOpen' },
    { id: 6, previousEventId: 5, type: 'TaskStateEntered', timestamp: t(50), stateName: 'WaitForCompletion' },
    {
      id: 7,
      previousEventId: 6,
      type: 'TaskScheduled',
      timestamp: t(60),
      stateName: 'WaitForCompletion',
      resource: 'putEvents.waitForTaskToken',
      parameters: '{"taskToken":"[redacted]"}',
    },
  ],
};

/** Wait times: three orders ready in the window, two drinks. */
export const WAIT_TIMES: WaitTimesResponse = {
  shopId: 'main',
  windowMinutes: 30,
  from: '2026-01-01T09:30:00.000Z',
  to: '2026-01-01T10:00:00.000Z',
  overall: { count: 3, averageSeconds: 240, p90Seconds: 300 },
  drinks: [
    { drinkId: 'latte', name: 'Latte', count: 2, averageSeconds: 210, p90Seconds: 300 },
    { drinkId: 'espresso', name: 'Espresso', count: 1, averageSeconds: 300, p90Seconds: 300 },
  ],
  perMinute: Array.from({ length: 30 }, (_, i) => ({
    minute: new Date(Date.parse('2026-01-01T09:30:00.000Z') + i * 60_000).toISOString(),
    placed: i % 3,
    ready: i === 29 ? 3 : 0,
    ...(i === 29 && { averageSeconds: 240 }),
  })),
};
