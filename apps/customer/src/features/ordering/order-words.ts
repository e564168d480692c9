import { type DrinkChoice, type Menu, type Order, OrderReason, OrderState } from '@coffee/backend/contracts';

/** A short name of each order state, for the customer. */
export const STATE_LABELS: Record<OrderState, string> = {
  [OrderState.Pending]: 'Checking the queue…',
  [OrderState.Created]: 'Choose your drink',
  [OrderState.Submitted]: 'In the queue',
  [OrderState.Making]: 'Being made',
  [OrderState.Ready]: 'Ready for pickup',
  [OrderState.Cancelled]: 'Cancelled',
  [OrderState.Rejected]: 'Not accepted',
};

const REASON_WORDS: Record<string, string> = {
  [OrderReason.ShopClosed]: 'The coffee bar closed before your order could be accepted.',
  [OrderReason.QueueFull]: 'The baristas were at capacity, so the order could not be accepted.',
  [OrderReason.CustomerTimeout]: 'Time ran out before a drink was chosen.',
  [OrderReason.BaristaTimeout]: 'The baristas could not make it in time. Sorry!',
  [OrderReason.CustomerCancelled]: 'You cancelled this order.',
  [OrderReason.BaristaCancelled]: 'A barista cancelled this order.',
  [OrderReason.OrderFailed]:
    'Something went wrong on our side, so this order was cancelled. Sorry! Scan the code to order again.',
};

const BY_WORDS: Record<NonNullable<Order['by']>, string> = {
  customer: 'You cancelled it',
  barista: 'A barista cancelled it',
  timeout: 'It timed out',
};

/** Why an order ended cancelled or rejected, in words: a known reason, or a person's own words quoted. */
export function reasonText(order: Pick<Order, 'reason' | 'by'>): string | undefined {
  if (!order.reason) return order.by ? `${BY_WORDS[order.by]}.` : undefined;
  const known = REASON_WORDS[order.reason];
  if (known) return known;
  return order.by ? `${BY_WORDS[order.by]}: “${order.reason}”` : `“${order.reason}”`;
}

/** A drink choice in words, e.g. `Latte · Oat · Large` (ids when the menu no longer has them). */
export function drinkText(choice: DrinkChoice, menu: Menu | undefined): string {
  const drink = menu?.find((item) => item.id === choice.drinkId);
  const options = (drink?.modifiers ?? [])
    .map((modifier) => choice.modifiers[modifier.id])
    .filter((option): option is string => option !== undefined);
  const fallback = Object.values(choice.modifiers);
  return [drink?.name ?? choice.drinkId, ...(drink ? options : fallback)].join(' · ');
}

/** Where an order waiting in the queue stands, in words: how many the baristas make before it. */
export function queuePlaceText(ahead: number): string {
  if (ahead === 0) return 'Yours is next.';
  return `${ahead} ${ahead === 1 ? 'order' : 'orders'} before yours.`;
}
