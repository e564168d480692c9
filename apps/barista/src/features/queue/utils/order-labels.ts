import type { Drink, Menu, Order } from '@coffee/backend/contracts';

/** What a card shows of an order's drink: its name, icon and chosen options. */
export interface DrinkSummary {
  name: string;
  icon: string;
  /** The chosen options in the menu's modifier order, e.g. `['Oat', 'Large']`. */
  options: string[];
}

/**
 * The drink of an order, named from the menu. A drink no longer on the menu still shows, by its
 * id; options keep the menu's modifier order so that every card reads alike.
 */
export function drinkSummary(order: Order, menu: Menu | undefined): DrinkSummary | undefined {
  if (!order.drink) return undefined;
  const { drinkId, modifiers } = order.drink;
  const drink: Drink | undefined = menu?.find((candidate) => candidate.id === drinkId);
  const known = drink?.modifiers.map((modifier) => modifier.id) ?? [];
  const ordered = [
    ...known.filter((id) => id in modifiers),
    ...Object.keys(modifiers).filter((id) => !known.includes(id)),
  ];
  return {
    name: drink?.name ?? drinkId,
    icon: drink?.icon ?? '☕',
    options: ordered.map((id) => modifiers[id]).filter((option): option is string => option !== undefined),
  };
}

/**
 * Who the order is for: the customer's name when the order carries one, otherwise a short label
 * from their user id (the same customer always gets the same label), e.g. `Guest 3F9A`.
 */
export function customerLabel(order: Order): string {
  if (order.customerName?.trim()) return order.customerName.trim();
  return `Guest ${order.userId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-4)
    .toUpperCase()}`;
}

/** The order's number for a person, `#12`, or `…` while the workflow has not numbered it yet. */
export function orderNumberLabel(order: Order): string {
  return order.orderNumber === undefined ? '…' : `#${order.orderNumber}`;
}
