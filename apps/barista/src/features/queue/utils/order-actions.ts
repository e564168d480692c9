import { type Api, OrderState } from '@coffee/backend/contracts';

/** What a barista can do to an order. */
export type OrderAction = 'make' | 'unmake' | 'complete' | 'cancel';

/** The route of each action in the backend's `Api` table. */
export const ACTION_ROUTE = {
  make: 'makeOrder',
  unmake: 'unmakeOrder',
  complete: 'completeOrder',
  cancel: 'cancelOrder',
} as const satisfies Record<OrderAction, keyof typeof Api>;

/** The button text of each action. */
export const ACTION_LABEL: Record<OrderAction, string> = {
  make: 'Make',
  unmake: 'Unmake',
  complete: 'Complete',
  cancel: 'Cancel',
};

/**
 * The actions an order in `state` offers, the main one first: a new order can be made or
 * cancelled; one being made completed, released or cancelled; a ready one nothing (it is final).
 */
export function actionsFor(state: OrderState): OrderAction[] {
  switch (state) {
    case OrderState.Submitted:
      return ['make', 'cancel'];
    case OrderState.Making:
      return ['complete', 'unmake', 'cancel'];
    default:
      return [];
  }
}

/** Reasons a barista most often gives, offered as one-tap choices in the cancel dialog. */
export const CANCEL_REASONS = [
  'Out of stock',
  'Customer left',
  'Machine problem',
  'Duplicate order',
] as const;
