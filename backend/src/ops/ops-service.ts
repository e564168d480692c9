import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  type HistoryEvent as SfnHistoryEvent,
} from '@aws-sdk/client-sfn';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import {
  AslDefinitionSchema,
  MAX_HISTORY_EVENTS,
  type OrderHistoryResponse,
  type WorkflowResponse,
} from '../contracts/api.js';
import { InternalError, NotFoundError } from '../errors.js';
import { getOrder } from '../orders/order-store.js';
import { toHistoryEvents } from './history-events.js';

/**
 * The most running executions counted. A shop has tens to hundreds of open orders (its queue's
 * capacity bounds them), and each costs one short GetExecutionHistory call; beyond this the counts
 * cover the first ones listed.
 */
export const MAX_COUNTED_EXECUTIONS = 1000;
/** How many GetExecutionHistory calls run at once while counting. */
const COUNT_CONCURRENCY = 8;
/** Events read back from the end of a history to find the last state entered. */
const TAIL_EVENTS = 20;

/**
 * The OrderProcessor as the workflow view draws it: its definition (DescribeStateMachine) and the
 * running executions per current state. An execution's current state is the last `…StateEntered`
 * of its history (GetExecutionHistory in reverse order, a few events): one call per running
 * execution, which is fine for a shop's tens or hundreds of open orders, and works the same on
 * the local runtime and on AWS (neither lists executions by state).
 */
export async function describeWorkflow(): Promise<WorkflowResponse> {
  const sfn = aws.stepFunctions();
  const stateMachineArn = names.orderProcessor();
  const machine = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
  const definition = AslDefinitionSchema.safeParse(JSON.parse(machine.definition ?? '{}'));
  if (!definition.success)
    throw new InternalError('The OrderProcessor definition is not valid ASL.', { cause: definition.error });

  const running = await runningExecutions(stateMachineArn);
  const states = await mapLimited(running, COUNT_CONCURRENCY, currentState);
  const counts: Record<string, number> = {};
  for (const state of states) if (state !== undefined) counts[state] = (counts[state] ?? 0) + 1;
  return {
    stateMachineArn,
    name: machine.name ?? stateMachineArn.split(':').pop() ?? 'OrderProcessor',
    definition: definition.data,
    counts,
    running: running.length,
    countedAt: new Date().toISOString(),
  };
}

/**
 * The history of the execution behind order `orderId` (the order item's `executionId`): its
 * status, times and events, oldest first, up to {@link MAX_HISTORY_EVENTS}. `not-found` for an
 * unknown order or one no execution has claimed yet.
 */
export async function orderHistory(orderId: string): Promise<OrderHistoryResponse> {
  const order = await getOrder(orderId);
  if (!order) throw new NotFoundError('No such order.');
  const executionArn = order.executionId;
  if (!executionArn) throw new NotFoundError('No workflow has picked up this order yet.');
  const sfn = aws.stepFunctions();
  try {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    const events: SfnHistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(
        new GetExecutionHistoryCommand({
          executionArn,
          maxResults: Math.min(1000, MAX_HISTORY_EVENTS - events.length),
          ...(nextToken && { nextToken }),
        }),
      );
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken && events.length < MAX_HISTORY_EVENTS);
    return {
      orderId,
      executionArn,
      status: execution.status ?? 'UNKNOWN',
      startDate: (execution.startDate ?? new Date(0)).toISOString(),
      ...(execution.stopDate && { stopDate: execution.stopDate.toISOString() }),
      events: toHistoryEvents(events),
      truncated: nextToken !== undefined,
    };
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist)
      throw new NotFoundError(
        'The workflow of this order is gone: Step Functions keeps a finished workflow for 90 days.',
        { cause: error },
      );
    throw error;
  }
}

/** The ARNs of the state machine's `RUNNING` executions, up to {@link MAX_COUNTED_EXECUTIONS}. */
async function runningExecutions(stateMachineArn: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await aws.stepFunctions().send(
      new ListExecutionsCommand({
        stateMachineArn,
        statusFilter: 'RUNNING',
        maxResults: 1000,
        ...(nextToken && { nextToken }),
      }),
    );
    for (const execution of page.executions ?? [])
      if (execution.executionArn) arns.push(execution.executionArn);
    nextToken = page.nextToken;
  } while (nextToken && arns.length < MAX_COUNTED_EXECUTIONS);
  return arns.slice(0, MAX_COUNTED_EXECUTIONS);
}

/** The state a running execution is in: the last state it entered, or `undefined` (none yet, or gone). */
async function currentState(executionArn: string): Promise<string | undefined> {
  const sfn = aws.stepFunctions();
  let nextToken: string | undefined;
  try {
    do {
      const page = await sfn.send(
        new GetExecutionHistoryCommand({
          executionArn,
          reverseOrder: true,
          maxResults: TAIL_EVENTS,
          ...(nextToken && { nextToken }),
        }),
      );
      const entered = (page.events ?? []).find((event) => event.type?.endsWith('StateEntered'));
      if (entered) return entered.stateEnteredEventDetails?.name;
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (error) {
    // It ended and was removed between listing and reading: it is no longer running.
    if (error instanceof ExecutionDoesNotExist) return undefined;
    throw error;
  }
  return undefined;
}

/** `items` mapped by `fn`, at most `limit` at a time, in order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
