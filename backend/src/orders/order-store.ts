import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { TaskTokenSchema } from '../contracts/events.js';
import { isFinalState, type Order, OrderSchema, type OrderState } from '../contracts/orders.js';
import { TaskTokenFor } from './order-processor.js';

/**
 * An order's item in the `orders` table (backend/README "Data"): the order of the contract, plus
 * what never leaves the backend — the task token of the wait the workflow is in, which wait it
 * answers, and the execution that owns the order. `shopState` (`<shopId>#<state>`, the key of the
 * `byShopState` index) is derived and not read back.
 */
export const OrderItemSchema = OrderSchema.extend({
  taskToken: TaskTokenSchema.optional(),
  taskTokenFor: z.enum(TaskTokenFor).optional(),
  /** The OrderProcessor execution that claimed the order; every write of the workflow requires it. */
  executionId: z.string().optional(),
});

/** See {@link OrderItemSchema}. */
export type OrderItem = z.infer<typeof OrderItemSchema>;

/** The `byShopState` index key of an order: `<shopId>#<state>`, kept in step with `state` on every write. */
export function shopStateKey(shopId: string, state: OrderState): string {
  return `${shopId}#${state}`;
}

/** The order's item, read consistently, or `undefined` when there is no such order. */
export async function getOrder(orderId: string): Promise<OrderItem | undefined> {
  const { Item } = await aws
    .dynamodb()
    .send(new GetCommand({ TableName: names.ordersTable(), Key: { orderId }, ConsistentRead: true }));
  return Item === undefined ? undefined : OrderItemSchema.parse(Item);
}

/** A task token and the wait it answers. */
export interface StoredTaskToken {
  taskToken: string;
  taskTokenFor: TaskTokenFor;
}

/**
 * Stores a task token on its order, provided the order is in one of `states` (and carries
 * `orderNumber`, when given): the states in which the wait the token belongs to is the current
 * one. Writing the same token again changes nothing, so a repeated event is harmless. Answers
 * whether it was stored; `false` means the order is gone past that wait (or does not exist), and
 * the token is stale.
 */
export async function setTaskToken(
  orderId: string,
  token: StoredTaskToken,
  expected: { states: readonly [OrderState, ...OrderState[]]; orderNumber?: number },
): Promise<boolean> {
  const states = Object.fromEntries(expected.states.map((state, i) => [`:state${i}`, state]));
  const conditions = [`#state IN (${Object.keys(states).join(', ')})`];
  if (expected.orderNumber !== undefined) conditions.push('orderNumber = :orderNumber');
  return conditionally(
    new UpdateCommand({
      TableName: names.ordersTable(),
      Key: { orderId },
      UpdateExpression: 'SET taskToken = :taskToken, taskTokenFor = :taskTokenFor',
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':taskToken': token.taskToken,
        ':taskTokenFor': token.taskTokenFor,
        ...states,
        ...(expected.orderNumber !== undefined && { ':orderNumber': expected.orderNumber }),
      },
    }),
  );
}

/**
 * Writes the change from `before` to `after` (as the orders domain's `transition` makes it),
 * provided the order is still in `before.state`: the state with `shopState`, `updatedAt` and the
 * fields the change sets (`orderNumber`, `drink`, `reason`, `by`). An order reaching a final state
 * loses its task token. Answers whether it was written; `false` means the order changed meanwhile
 * (read it again) or does not exist.
 */
export async function changeState(before: Order, after: Order): Promise<boolean> {
  if (before.orderId !== after.orderId) throw new Error('changeState: before and after are different orders');
  const values: Record<string, unknown> = {
    ':state': after.state,
    ':shopState': shopStateKey(after.shopId, after.state),
    ':updatedAt': after.updatedAt,
    ':from': before.state,
  };
  const attributeNames: Record<string, string> = { '#state': 'state' };
  const sets = ['#state = :state', 'shopState = :shopState', 'updatedAt = :updatedAt'];
  for (const field of ['orderNumber', 'drink', 'reason', 'by'] as const) {
    if (after[field] === undefined) continue;
    attributeNames[`#${field}`] = field;
    values[`:${field}`] = after[field];
    sets.push(`#${field} = :${field}`);
  }
  const removes = isFinalState(after.state) ? ' REMOVE taskToken, taskTokenFor' : '';
  return conditionally(
    new UpdateCommand({
      TableName: names.ordersTable(),
      Key: { orderId: after.orderId },
      UpdateExpression: `SET ${sets.join(', ')}${removes}`,
      ConditionExpression: '#state = :from',
      ExpressionAttributeNames: attributeNames,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Sends a conditional write: `true` when written, `false` when its condition failed. */
async function conditionally(command: UpdateCommand): Promise<boolean> {
  try {
    await aws.dynamodb().send(command);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
