import type { Identity } from '@coffee/app-shared';
import {
  DEFAULT_LIMITS,
  DEMO_MENU,
  type Order,
  OrderState,
  type PublicMessage,
  type Role,
  type ShopConfig,
} from '@coffee/backend/contracts';

/** The menu the tests name drinks from. */
export const MENU = DEMO_MENU;

/** The shop config the tests start from: open, the demo menu, default limits. */
export const SHOP: ShopConfig = {
  shopId: 'main',
  name: 'Coffee bar',
  open: true,
  menu: DEMO_MENU,
  limits: DEFAULT_LIMITS,
};

/** A signed-in staff account holding `role`. */
export function staffIdentity(role: Role): Identity {
  return { userId: `user-${role}`, username: role, roles: [role] };
}

/** A fixed "now" for the tests: 2026-01-01T10:00:00Z. */
export const NOW = Date.parse('2026-01-01T10:00:00.000Z');

/** The ISO time `seconds` before {@link NOW}. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString();
}

/** An order of shop `main`, submitted a minute ago, with a latte; override what the test is about. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'o1',
    shopId: 'main',
    userId: 'user-0000-abcd',
    state: OrderState.Submitted,
    orderNumber: 1,
    drink: { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } },
    createdAt: ago(60),
    updatedAt: ago(50),
    ...overrides,
  };
}

/** The MQTT message of an order event that carries the order after the change. */
export function orderMessage(
  type:
    | 'OrderManager.OrderSubmitted'
    | 'OrderManager.MakeOrder'
    | 'OrderManager.UnmakeOrder'
    | 'OrderManager.OrderCompleted'
    | 'OrderManager.OrderCancelled',
  order: Order,
): PublicMessage {
  const ref = { shopId: order.shopId, orderId: order.orderId, userId: order.userId, order };
  const time = order.updatedAt;
  switch (type) {
    case 'OrderManager.OrderSubmitted':
      return { type, detail: { ...ref, drink: order.drink ?? { drinkId: 'latte', modifiers: {} } }, time };
    case 'OrderManager.OrderCancelled':
      return {
        type,
        detail: { ...ref, reason: order.reason ?? 'Out of stock', by: order.by ?? 'barista' },
        time,
      };
    default:
      return { type, detail: ref, time };
  }
}
