import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { isFinalState } from '../contracts/orders.js';
import { getOrder } from '../orders/order-store.js';
import { customerKey } from '../validator/customer-store.js';
import { idempotencyKey } from '../validator/idempotency-store.js';

/** How often {@link endOrders} looks again at an execution still running. */
const POLL_MS = 20;
/** More QR code periods than a scratch shop lives through. */
const MAX_SCRATCH_CODES = 100;

/**
 * Ends every order of `orderIds`: `cancel` is called for each one still open, then the order's
 * OrderProcessor execution is waited for until it has ended (an order names its execution once it
 * is claimed). An order no workflow has claimed, or not there at all, is left as it is: its
 * acceptance was cut off before its workflow started, and a workflow started late ends at once,
 * finding the order gone. An order found over whose answer a crash cut off gets it from the wait
 * recovery, which runs at each start (`orders/wait-recovery.ts`). One read of the order and one of
 * its execution, for an order already over. Throws after `timeoutMs`.
 */
export async function endOrders(
  orderIds: readonly string[],
  cancel: (orderId: string) => Promise<unknown>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const orderId of orderIds) {
    const order = await getOrder(orderId);
    if (order?.executionId === undefined) continue;
    if (!isFinalState(order.state)) await cancel(orderId);
    while (!(await hasEnded(order.executionId))) {
      if (Date.now() > deadline) throw new Error(`The execution of order ${orderId} has not ended`);
      await sleep(POLL_MS);
    }
  }
}

async function hasEnded(executionArn: string): Promise<boolean> {
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
