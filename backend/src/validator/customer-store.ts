import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { ErrorCode } from '../contracts/api.js';

/** The key of a customer's item: `<shopId>#<userId>` (backend/README "Data"). */
export function customerKey(shopId: string, userId: string): string {
  return `${shopId}#${userId}`;
}

/** A customer's item as the validator reads it. */
interface CustomerItem {
  openOrderId?: string;
  day?: string;
  dayCount?: number;
}

/** How many times a reservation is tried again when the item changed between the read and the write. */
const RESERVE_ATTEMPTS = 3;

/**
 * Reserves a customer for a new order in one conditional write: `openOrderId` set (there was none)
 * and the day's count raised (under `dailyLimit`; a new day starts at 1). Answers `undefined` when
 * reserved, else why not: `order-open` first — the one the customer can act on — then
 * `limit-reached`. The OrderProcessor releases the reservation when the order ends.
 */
export async function reserveCustomer(
  shopId: string,
  userId: string,
  order: { orderId: string; day: string; dailyLimit: number },
): Promise<typeof ErrorCode.OrderOpen | typeof ErrorCode.LimitReached | undefined> {
  const key = customerKey(shopId, userId);
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
    const item = await readCustomer(key);
    if (item?.openOrderId !== undefined) return ErrorCode.OrderOpen;
    const sameDay = item?.day === order.day;
    if (sameDay && (item?.dayCount ?? 0) >= order.dailyLimit) return ErrorCode.LimitReached;
    const command = sameDay
      ? new UpdateCommand({
          TableName: names.customersTable(),
          Key: { customerKey: key },
          UpdateExpression: 'SET openOrderId = :orderId, dayCount = dayCount + :one',
          ConditionExpression: 'attribute_not_exists(openOrderId) AND #day = :day AND dayCount < :limit',
          ExpressionAttributeNames: { '#day': 'day' },
          ExpressionAttributeValues: {
            ':orderId': order.orderId,
            ':one': 1,
            ':day': order.day,
            ':limit': order.dailyLimit,
          },
        })
      : new UpdateCommand({
          TableName: names.customersTable(),
          Key: { customerKey: key },
          UpdateExpression: 'SET openOrderId = :orderId, #day = :day, dayCount = :one',
          ConditionExpression:
            'attribute_not_exists(openOrderId) AND (attribute_not_exists(#day) OR #day <> :day)',
          ExpressionAttributeNames: { '#day': 'day' },
          ExpressionAttributeValues: { ':orderId': order.orderId, ':one': 1, ':day': order.day },
        });
    try {
      await aws.dynamodb().send(command);
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Another request changed the item since it was read: judge it again.
    }
  }
  // Still racing after several tries: another order of this customer keeps winning.
  return ErrorCode.OrderOpen;
}

/**
 * Undoes {@link reserveCustomer} for an order that was not accepted after all (its code was used
 * up): the open order cleared and the day's drink given back, only if the reservation is still
 * that order's.
 */
export async function releaseCustomer(shopId: string, userId: string, orderId: string): Promise<void> {
  try {
    await aws.dynamodb().send(
      new UpdateCommand({
        TableName: names.customersTable(),
        Key: { customerKey: customerKey(shopId, userId) },
        UpdateExpression: 'REMOVE openOrderId ADD dayCount :minusOne',
        ConditionExpression: 'openOrderId = :orderId AND dayCount > :zero',
        ExpressionAttributeValues: { ':orderId': orderId, ':minusOne': -1, ':zero': 0 },
      }),
    );
  } catch (error) {
    // Not this order's reservation any more: nothing of ours to undo.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

async function readCustomer(key: string): Promise<CustomerItem | undefined> {
  const { Item } = await aws
    .dynamodb()
    .send(
      new GetCommand({ TableName: names.customersTable(), Key: { customerKey: key }, ConsistentRead: true }),
    );
  if (!Item) return undefined;
  return {
    ...(typeof Item.openOrderId === 'string' && { openOrderId: Item.openOrderId }),
    ...(typeof Item.day === 'string' && { day: Item.day }),
    ...(Item.dayCount !== undefined && { dayCount: Number(Item.dayCount) }),
  };
}
