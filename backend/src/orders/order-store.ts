import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import type { QueryInput, UpdateInput } from '../aws/document-tables.js';
import { LIMIT_BOUNDS } from '../contracts/config.js';
import { TaskTokenSchema } from '../contracts/events.js';
import { isFinalState, type Order, OrderSchema, OrderState } from '../contracts/orders.js';
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
  /** The barista making the order (`MAKING`), so that a second barista's claim is refused. */
  madeBy: z.string().optional(),
  /**
   * Set while the order is back in the queue after a barista released it (`unmake`), until it is
   * claimed again: only then is an `unmake` on a `SUBMITTED` order a repeat of the one that made it so.
   */
  released: z.literal(true).optional(),
  /**
   * The QR code period whose drink the validator took for the order: the workflow gives the drink
   * back to that code if it rejects the order (it was never admitted).
   */
  codePeriod: z.int().optional(),
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
    .get({ TableName: names.ordersTable(), Key: { orderId }, ConsistentRead: true });
  return Item === undefined ? undefined : OrderItemSchema.parse(Item);
}

/** The items of the orders `orderIds` that exist, read consistently, in no particular order. */
export async function getOrders(orderIds: readonly string[]): Promise<OrderItem[]> {
  const items = await aws.dynamodb().getMany({
    TableName: names.ordersTable(),
    Keys: orderIds.map((orderId) => ({ orderId })),
    ConsistentRead: true,
  });
  return items.map((item) => OrderItemSchema.parse(item));
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
  return conditionally({
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
  });
}

/** What a change writes besides the order's own fields (internal); `null` removes the attribute. */
export interface ChangeExtras {
  /** The barista who claimed the order; `null` when released, or ended. */
  madeBy?: string | null;
  /** See {@link OrderItemSchema}'s `released`. */
  released?: true | null;
}

/** The milestone times a change records: see {@link milestonesOf}. */
export interface OrderMilestones {
  submittedAt?: string;
  readyAt?: string;
}

/**
 * The milestone times the change from `before` to `after` records, at `after.updatedAt`: entering
 * `SUBMITTED` stamps `submittedAt` (written only if the order has none, so an unmake, `MAKING` →
 * `SUBMITTED`, keeps the first one) and entering `READY` stamps `readyAt`. They feed the wait-time
 * insight (submitted → ready).
 */
export function milestonesOf(before: Order, after: Order): OrderMilestones {
  if (before.state === after.state) return {};
  if (after.state === OrderState.Submitted) return { submittedAt: after.updatedAt };
  if (after.state === OrderState.Ready) return { readyAt: after.updatedAt };
  return {};
}

/**
 * Writes the change from `before` to `after` (as the orders domain's `transition` makes it),
 * provided the order is still in `before.state`: the state with `shopState`, `updatedAt` and the
 * fields the change sets (`orderNumber`, `drink`, `reason`, `by`, and the {@link milestonesOf}).
 * The task token stays, even on a final state, until the workflow has taken the answer (its own
 * writes remove it): a crash between this write and the answer then leaves a wait that a repeated
 * action or the wait recovery can still answer. Answers the item as it was just before the write —
 * with the task token stored on it at that very moment, so that exactly one of this writer and the
 * token recorder answers the workflow's wait (see the token recorder) — or `undefined` when the
 * order changed meanwhile (read it again) or does not exist.
 */
export async function changeState(
  before: Order,
  after: Order,
  extras: ChangeExtras = {},
): Promise<OrderItem | undefined> {
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
  const milestones = milestonesOf(before, after);
  if (milestones.submittedAt !== undefined) {
    values[':submittedAt'] = milestones.submittedAt;
    sets.push('submittedAt = if_not_exists(submittedAt, :submittedAt)');
  }
  if (milestones.readyAt !== undefined) {
    values[':readyAt'] = milestones.readyAt;
    sets.push('readyAt = :readyAt');
  }
  const removals: string[] = [];
  for (const [name, value] of Object.entries(extras)) {
    if (value === undefined) continue;
    if (value === null) removals.push(name);
    else {
      values[`:${name}`] = value;
      sets.push(`${name} = :${name}`);
    }
  }
  const remove = removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : '';
  try {
    const { Attributes } = await aws.dynamodb().update({
      TableName: names.ordersTable(),
      Key: { orderId: after.orderId },
      UpdateExpression: `SET ${sets.join(', ')}${remove}`,
      ConditionExpression: '#state = :from',
      ExpressionAttributeNames: attributeNames,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_OLD',
    });
    return OrderItemSchema.parse(Attributes);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/**
 * The most orders of a final state, and of a customer's history, one list answers: the newest of
 * them. Final orders pile up for as long as the shop runs; the apps show the last few minutes'.
 */
export const MAX_LISTED_ORDERS = 500;

/**
 * A shop's orders in `state`, oldest first (index `byShopState`). Every order of an open state (no
 * more than the largest queue capacity); of a final state, the newest {@link MAX_LISTED_ORDERS}.
 */
export async function ordersInState(shopId: string, state: OrderState): Promise<OrderItem[]> {
  const final = isFinalState(state);
  const orders = await queryOrders(
    {
      IndexName: 'byShopState',
      KeyConditionExpression: 'shopState = :key',
      ExpressionAttributeValues: { ':key': shopStateKey(shopId, state) },
      ScanIndexForward: !final,
    },
    final ? MAX_LISTED_ORDERS : LIMIT_BOUNDS.capacity.max,
  );
  return final ? orders.reverse() : orders;
}

/** A customer's orders at every shop, newest first, the newest {@link MAX_LISTED_ORDERS} (index `byUser`). */
export async function ordersOfUser(userId: string): Promise<OrderItem[]> {
  return queryOrders({
    IndexName: 'byUser',
    KeyConditionExpression: 'userId = :key',
    ExpressionAttributeValues: { ':key': userId },
    ScanIndexForward: false,
  });
}

async function queryOrders(
  query: Pick<
    QueryInput,
    'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeValues' | 'ScanIndexForward'
  >,
  max = MAX_LISTED_ORDERS,
): Promise<OrderItem[]> {
  const items = await aws.dynamodb().queryUpTo({ TableName: names.ordersTable(), ...query }, max);
  return items.map((item) => OrderItemSchema.parse(item));
}

/** Sends a conditional write: `true` when written, `false` when its condition failed. */
async function conditionally(command: UpdateInput): Promise<boolean> {
  try {
    await aws.dynamodb().update(command);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
