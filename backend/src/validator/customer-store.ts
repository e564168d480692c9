import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import type { UpdateInput } from '../aws/document-tables.js';
import { ErrorCode } from '../contracts/api.js';

/** The key of a customer's item: `<shopId>#<userId>` (backend/README "Data"). */
export function customerKey(shopId: string, userId: string): string {
  return `${shopId}#${userId}`;
}

/** A customer's item as the validator reads it. */
export interface CustomerItem {
  openOrderId?: string;
  /** When the open order was reserved (Unix milliseconds). */
  reservedAt?: number;
  day?: string;
  dayCount?: number;
}

/**
 * How old a reservation must be before its order may be judged abandoned: far longer than
 * accepting an order takes, so that a request still running is never mistaken for a dead one.
 */
export const ABANDONED_AFTER_MS = 30_000;

/** How many times a reservation is tried again when the item changed between the read and the write. */
const RESERVE_ATTEMPTS = 3;

/**
 * Reserves a customer for a new order in one conditional write: `openOrderId` set (there was none)
 * and the day's count raised (under `dailyLimit`; a new day starts at 1). Answers `undefined` when
 * reserved, else why not: `order-open` first — the one the customer can act on — then
 * `limit-reached`. The OrderProcessor releases the reservation when the order ends. A reservation
 * older than {@link ABANDONED_AFTER_MS} whose order `isAbandoned` — its acceptance died midway, in
 * a crash, before the customer had an answer — is released first, so that a crash never locks a
 * customer out. `known` is the customer's item as read moments before (see {@link readCustomer});
 * the write's condition guards against it having changed since.
 */
export async function reserveCustomer(
  shopId: string,
  userId: string,
  order: { orderId: string; day: string; dailyLimit: number; now: Date },
  isAbandoned: (openOrderId: string) => Promise<boolean>,
  known: CustomerItem | undefined,
): Promise<typeof ErrorCode.OrderOpen | typeof ErrorCode.LimitReached | undefined> {
  const key = customerKey(shopId, userId);
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
    // An open order is judged on a fresh read: it may have ended since `known` was read.
    const item = attempt === 0 && known?.openOrderId === undefined ? known : await readItem(key);
    if (item?.openOrderId !== undefined) {
      const old = order.now.getTime() - (item.reservedAt ?? 0) >= ABANDONED_AFTER_MS;
      if (!old || !(await isAbandoned(item.openOrderId))) return ErrorCode.OrderOpen;
      await releaseCustomer(shopId, userId, item.openOrderId);
      continue;
    }
    const sameDay = item?.day === order.day;
    if (sameDay && (item?.dayCount ?? 0) >= order.dailyLimit) return ErrorCode.LimitReached;
    const command: UpdateInput = sameDay
      ? {
          TableName: names.customersTable(),
          Key: { customerKey: key },
          UpdateExpression: 'SET openOrderId = :orderId, reservedAt = :now, dayCount = dayCount + :one',
          ConditionExpression: 'attribute_not_exists(openOrderId) AND #day = :day AND dayCount < :limit',
          ExpressionAttributeNames: { '#day': 'day' },
          ExpressionAttributeValues: {
            ':orderId': order.orderId,
            ':now': order.now.getTime(),
            ':one': 1,
            ':day': order.day,
            ':limit': order.dailyLimit,
          },
        }
      : {
          TableName: names.customersTable(),
          Key: { customerKey: key },
          UpdateExpression: 'SET openOrderId = :orderId, reservedAt = :now, #day = :day, dayCount = :one',
          ConditionExpression:
            'attribute_not_exists(openOrderId) AND (attribute_not_exists(#day) OR #day <> :day)',
          ExpressionAttributeNames: { '#day': 'day' },
          ExpressionAttributeValues: {
            ':orderId': order.orderId,
            ':now': order.now.getTime(),
            ':one': 1,
            ':day': order.day,
          },
        };
    try {
      await aws.dynamodb().update(command);
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
    await aws.dynamodb().update({
      TableName: names.customersTable(),
      Key: { customerKey: customerKey(shopId, userId) },
      UpdateExpression: 'REMOVE openOrderId, reservedAt ADD dayCount :minusOne',
      ConditionExpression: 'openOrderId = :orderId AND dayCount > :zero',
      ExpressionAttributeValues: { ':orderId': orderId, ':minusOne': -1, ':zero': 0 },
    });
  } catch (error) {
    // Not this order's reservation any more: nothing of ours to undo.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** A customer's item at a shop, or `undefined` before their first order there. */
export function readCustomer(shopId: string, userId: string): Promise<CustomerItem | undefined> {
  return readItem(customerKey(shopId, userId));
}

async function readItem(key: string): Promise<CustomerItem | undefined> {
  const { Item } = await aws
    .dynamodb()
    .get({ TableName: names.customersTable(), Key: { customerKey: key }, ConsistentRead: true });
  if (!Item) return undefined;
  return {
    ...(typeof Item.openOrderId === 'string' && { openOrderId: Item.openOrderId }),
    ...(Item.reservedAt !== undefined && { reservedAt: Number(Item.reservedAt) }),
    ...(typeof Item.day === 'string' && { day: Item.day }),
    ...(Item.dayCount !== undefined && { dayCount: Number(Item.dayCount) }),
  };
}
