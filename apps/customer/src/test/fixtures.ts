import type { Identity } from '@coffee/app-shared';
import { DEFAULT_LIMITS, DEMO_MENU, type Order, type ShopConfig } from '@coffee/backend/contracts';

/** The signed-in customer of the tests. */
export const CUSTOMER: Identity = {
  userId: 'user-ada',
  username: 'ada@example.com',
  email: 'ada@example.com',
  roles: ['customer'],
};

/** The default shop, open, with the demo menu and mocha unavailable. */
export const CONFIG: ShopConfig = {
  shopId: 'main',
  name: 'Coffee bar',
  open: true,
  menu: DEMO_MENU.map((drink) => (drink.id === 'mocha' ? { ...drink, available: false } : drink)),
  limits: { ...DEFAULT_LIMITS },
};

/** An order of {@link CUSTOMER}, `CREATED` a moment ago unless overridden. */
export function order(overrides: Partial<Order> = {}): Order {
  const now = new Date().toISOString();
  return {
    orderId: 'order-1',
    shopId: 'main',
    userId: CUSTOMER.userId,
    state: 'CREATED',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
