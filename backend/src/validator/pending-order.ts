import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { OrderState } from '../contracts/orders.js';
import { shopStateKey } from '../orders/order-store.js';

/** What the validator knows of a new order. */
export interface NewOrderRef {
  shopId: string;
  orderId: string;
  userId: string;
}

/**
 * Writes an accepted order `PENDING`, as the OrderProcessor expects to find it (backend/README
 * "Data"): the references, the customer's name, the period of the code it took a drink from,
 * `state`, `shopState` for the shop's queue index, `createdAt` and `updatedAt`. A fresh id never
 * exists; the condition guards it anyway.
 */
export async function writePendingOrder(
  ref: NewOrderRef,
  customerName: string | undefined,
  codePeriod: number,
  now: Date,
): Promise<void> {
  const time = now.toISOString();
  await aws.dynamodb().put({
    TableName: names.ordersTable(),
    Item: {
      ...ref,
      ...(customerName && { customerName }),
      codePeriod,
      state: OrderState.Pending,
      shopState: shopStateKey(ref.shopId, OrderState.Pending),
      createdAt: time,
      updatedAt: time,
    },
    ConditionExpression: 'attribute_not_exists(orderId)',
  });
}

/**
 * Deletes a `PENDING` order whose `Validator.NewOrder` could not be put, so that no order waits
 * forever for a workflow that will never start. An order some execution has claimed is kept.
 */
export async function withdrawPendingOrder(orderId: string): Promise<void> {
  try {
    await aws.dynamodb().delete({
      TableName: names.ordersTable(),
      Key: { orderId },
      ConditionExpression: '#state = :pending AND attribute_not_exists(executionId)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':pending': OrderState.Pending },
    });
  } catch (error) {
    // A workflow has it after all: it is the workflow's to end.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
