import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { getOrder } from '../orders/order-store.js';
import { customerKey } from '../validator/customer-store.js';
import { idempotencyKey } from '../validator/idempotency-store.js';

/** How often {@link executionsEnded} looks again. */
const POLL_MS = 20;
/** More QR code periods than a scratch shop lives through. */
const MAX_SCRATCH_CODES = 100;

/**
 * Resolves once each order of `orderIds` has been claimed by its OrderProcessor execution (the
 * order then names it) and that execution has ended. Throws after `timeoutMs`.
 */
export async function executionsEnded(orderIds: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const orderId of orderIds) {
    for (;;) {
      const executionArn = (await getOrder(orderId))?.executionId;
      const status =
        executionArn &&
        (await aws.stepFunctions().send(new DescribeExecutionCommand({ executionArn }))).status;
      if (executionArn && status !== 'RUNNING') break;
      if (Date.now() > deadline) throw new Error(`The execution of order ${orderId} has not ended`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
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
