import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { isFinalState, OrderState } from '../contracts/orders.js';
import { getOrder } from '../orders/order-store.js';
import { customerKey } from '../validator/customer-store.js';
import { idempotencyKey } from '../validator/idempotency-store.js';

/** How often {@link endOrders} looks again at an execution still running. */
const POLL_MS = 20;
/**
 * How long the execution of an order found over may go on before it is stopped: its workflow ends
 * moments after the order's last write, unless a crash fell between that write and the answer to
 * the workflow's wait. The write removes the order's task token, so nothing can answer it again.
 */
const LOST_ANSWER_MS = 5_000;
/** More QR code periods than a scratch shop lives through. */
const MAX_SCRATCH_CODES = 100;

/**
 * Ends every order of `orderIds`: `cancel` is called for each one still open, then the order's
 * OrderProcessor execution is waited for until it has ended (an order names its execution once it
 * is claimed); an order no workflow has claimed is left as it is. The execution of an order found
 * over that still runs after {@link LOST_ANSWER_MS} is stopped: the answer to its wait was lost.
 * One read of the order and one of its execution, for an order already over. Throws after
 * `timeoutMs`.
 */
export async function endOrders(
  orderIds: readonly string[],
  cancel: (orderId: string) => Promise<unknown>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const orderId of orderIds) {
    let order = await getOrder(orderId);
    // Its acceptance was cut off before its workflow was started: no workflow runs it, and one
    // started late ends at once, finding the order gone.
    if (order?.state === OrderState.Pending && order.executionId === undefined) continue;
    const over = order !== undefined && isFinalState(order.state);
    // An order past PENDING, or claimed, names its execution already: cancelling keeps that name.
    if (order && !over) await cancel(orderId);
    const lostAfter = Date.now() + LOST_ANSWER_MS;
    while (!(await hasEnded(order?.executionId))) {
      if (Date.now() > deadline) throw new Error(`The execution of order ${orderId} has not ended`);
      if (over && order?.executionId && Date.now() > lostAfter)
        await aws.stepFunctions().send(new StopExecutionCommand({ executionArn: order.executionId }));
      await sleep(POLL_MS);
      if (order?.executionId === undefined) order = await getOrder(orderId);
    }
  }
}

async function hasEnded(executionArn: string | undefined): Promise<boolean> {
  if (executionArn === undefined) return false;
  const { status } = await aws.stepFunctions().send(new DescribeExecutionCommand({ executionArn }));
  return status !== 'RUNNING';
}

/** Where a scratch shop's items are: the shop, its orders, its customers' limits and their idempotency keys. */
export interface ScratchShopTrace {
  shopId: string;
  orderIds: string[];
  /** The `sub` of every customer who ordered there. */
  customers: string[];
  /** The `Idempotency-Key`s each customer may have sent. */
  idempotencyKeys: readonly string[];
}

/**
 * Deletes every item a shop made for one job holds: its orders, its customers' limits, the replies
 * kept for their idempotency keys, its QR codes and the shop itself. Run once its executions have
 * ended, so no workflow writes after it. Deleting what is already gone is no error.
 */
export async function deleteScratchShop(trace: ScratchShopTrace): Promise<void> {
  const tables = aws.dynamodb();
  const deletions: Array<{ TableName: string; Key: Record<string, unknown> }> = [
    ...trace.orderIds.map((orderId) => ({ TableName: names.ordersTable(), Key: { orderId } })),
    ...trace.customers.map((userId) => ({
      TableName: names.customersTable(),
      Key: { customerKey: customerKey(trace.shopId, userId) },
    })),
    ...trace.customers.flatMap((userId) =>
      trace.idempotencyKeys.map((key) => ({
        TableName: names.idempotencyTable(),
        Key: { key: idempotencyKey(userId, key) },
      })),
    ),
  ];
  const codes = await tables.queryUpTo(
    {
      TableName: names.codesTable(),
      KeyConditionExpression: 'shopId = :shopId',
      ExpressionAttributeValues: { ':shopId': trace.shopId },
      ProjectionExpression: 'shopId, period',
    },
    MAX_SCRATCH_CODES,
  );
  for (const { shopId, period } of codes)
    deletions.push({ TableName: names.codesTable(), Key: { shopId, period } });
  deletions.push({ TableName: names.shopsTable(), Key: { shopId: trace.shopId } });
  await Promise.all(deletions.map((deletion) => tables.delete(deletion)));
}
