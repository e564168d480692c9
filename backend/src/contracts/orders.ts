import { z } from 'zod';
import { IsoTimeSchema, OrderIdSchema, ShopIdSchema, SlugSchema, UserIdSchema } from './ids.js';

/** The states of an order (DESIGN "Order states"). */
export const OrderState = {
  /** The QR token was accepted; the workflow is checking the shop and the queue. */
  Pending: 'PENDING',
  /** Admitted: the customer is choosing a drink. */
  Created: 'CREATED',
  /** The drink is chosen and the order is in the barista queue (numbered as soon as the workflow numbers it). */
  Submitted: 'SUBMITTED',
  /** Claimed by a barista. */
  Making: 'MAKING',
  /** Ready for pickup. Final. */
  Ready: 'READY',
  /** Cancelled by the customer, a barista or a timeout. Final. */
  Cancelled: 'CANCELLED',
  /** Never admitted: the shop was closed or the queue full. Final. */
  Rejected: 'REJECTED',
} as const;

/** See {@link OrderState}. */
export type OrderState = (typeof OrderState)[keyof typeof OrderState];

/** Parses an {@link OrderState}. */
export const OrderStateSchema = z.enum(OrderState);

/** The states that take a place in the barista queue and count against the shop's capacity. */
export const CAPACITY_STATES: readonly OrderState[] = [
  OrderState.Created,
  OrderState.Submitted,
  OrderState.Making,
];

/**
 * The states in which an order is open for its customer's "one open order at a time" rule: the
 * capacity states and `PENDING` too, so that scanning twice in quick succession cannot start two
 * orders while the first is still being checked. `PENDING` does not count against capacity: the
 * capacity check runs while the order is `PENDING` and must not count the order itself.
 */
export const OPEN_STATES: readonly OrderState[] = [OrderState.Pending, ...CAPACITY_STATES];

/** The states an order never leaves. */
export const FINAL_STATES: readonly OrderState[] = [
  OrderState.Ready,
  OrderState.Cancelled,
  OrderState.Rejected,
];

/** Whether an order in `state` counts against the shop's capacity (see {@link CAPACITY_STATES}). */
export function countsAgainstCapacity(state: OrderState): boolean {
  return CAPACITY_STATES.includes(state);
}

/** Whether an order in `state` is open for its customer (see {@link OPEN_STATES}). */
export function isOpenState(state: OrderState): boolean {
  return OPEN_STATES.includes(state);
}

/** Whether `state` is final (see {@link FINAL_STATES}). */
export function isFinalState(state: OrderState): boolean {
  return FINAL_STATES.includes(state);
}

/** Who cancelled an order. */
export const CancelledBySchema = z.enum(['customer', 'barista', 'timeout']);

/** See {@link CancelledBySchema}. */
export type CancelledBy = z.infer<typeof CancelledBySchema>;

/** Which wait ran out: the customer's choice or the barista's completion. */
export const TimeoutCauseSchema = z.enum(['customer-timeout', 'barista-timeout']);

/** See {@link TimeoutCauseSchema}. */
export type TimeoutCause = z.infer<typeof TimeoutCauseSchema>;

/** Why an order was never admitted; the same words as the API's error codes. */
export const RejectReasonSchema = z.enum(['shop-closed', 'queue-full']);

/** See {@link RejectReasonSchema}. */
export type RejectReason = z.infer<typeof RejectReasonSchema>;

/**
 * The machine-readable reasons an order's `reason` may hold; the apps turn them into words. A
 * person cancelling may give free text instead, which is shown as it is.
 */
export const OrderReason = {
  ShopClosed: 'shop-closed',
  QueueFull: 'queue-full',
  CustomerTimeout: 'customer-timeout',
  BaristaTimeout: 'barista-timeout',
  /** A customer cancelled without saying why. */
  CustomerCancelled: 'customer-cancelled',
  /** A barista cancelled without saying why. */
  BaristaCancelled: 'barista-cancelled',
  /** The workflow gave up on the order after an unexpected failure (nobody cancelled it: no `by`). */
  OrderFailed: 'order-failed',
} as const satisfies Record<string, RejectReason | TimeoutCause | string>;

/** A reason given when cancelling: free text for a person, trimmed, 1 to 200 characters. */
export const ReasonSchema = z.string().trim().min(1).max(200);

/** A customer's drink: a menu item and an option for each of its modifiers, by modifier id. */
export const DrinkChoiceSchema = z.object({
  drinkId: SlugSchema,
  modifiers: z.record(SlugSchema, z.string().min(1).max(40)),
});

/** See {@link DrinkChoiceSchema}. */
export type DrinkChoice = z.infer<typeof DrinkChoiceSchema>;

/** A customer's name as the baristas see it. */
export const CustomerNameSchema = z.string().trim().min(1).max(40);

/**
 * The name a barista calls out for a customer signed in with `email`: the part before the `@`,
 * cut to the schema's length; `undefined` without a usable address.
 */
export function customerNameOf(email: string | undefined): string | undefined {
  const name = email?.split('@')[0]?.trim().slice(0, 40);
  return name ? name : undefined;
}

/**
 * An order as the API answers it and as order events carry it. `orderNumber` appears once the
 * workflow has numbered it (just after `SUBMITTED`); `drink` once chosen; `reason` on `REJECTED`
 * and `CANCELLED`; `by` on `CANCELLED`; `submittedAt` once in the queue and `readyAt` once
 * ready (orders written before these were recorded lack them).
 */
export const OrderSchema = z.object({
  orderId: OrderIdSchema,
  shopId: ShopIdSchema,
  userId: UserIdSchema,
  /** What the baristas call out: the name part of the customer's email address. */
  customerName: CustomerNameSchema.optional(),
  state: OrderStateSchema,
  orderNumber: z.int().positive().optional(),
  drink: DrinkChoiceSchema.optional(),
  reason: ReasonSchema.optional(),
  by: CancelledBySchema.optional(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  /**
   * How long the customer has to choose, in seconds from being admitted (`CREATED`, at its
   * `updatedAt`): the shop's customer timeout when the order started, which the workflow waits
   * however the limit changes afterwards.
   */
  chooseSeconds: z.int().positive().optional(),
  /** When the drink was chosen and the order joined the queue (first `SUBMITTED`; an unmake keeps it). */
  submittedAt: IsoTimeSchema.optional(),
  /** When a barista completed the order (`READY`). */
  readyAt: IsoTimeSchema.optional(),
});

/** See {@link OrderSchema}. */
export type Order = z.infer<typeof OrderSchema>;

/**
 * An order as `GET /api/orders/{orderId}` answers it: while it waits in the queue (`SUBMITTED`),
 * with how many orders come before it.
 */
export const OrderDetailSchema = OrderSchema.extend({
  /**
   * The shop's new orders that the baristas' queue lists before this one (the oldest first, as
   * they are made): 0 when it is next. On a `SUBMITTED` order only.
   */
  ahead: z.int().nonnegative().optional(),
});

/** See {@link OrderDetailSchema}. */
export type OrderDetail = z.infer<typeof OrderDetailSchema>;
