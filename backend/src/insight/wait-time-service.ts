import { loadShop } from '../config/shop-store.js';
import type { WaitTimesResponse } from '../contracts/api.js';
import { OrderState } from '../contracts/orders.js';
import {
  type CompletedOrder,
  inWindow,
  perMinute,
  statsPerDrink,
  waitSeconds,
  waitStats,
} from './domain/wait-stats.js';
import { orderTimes } from './wait-time-store.js';

/** Every state an order can be in: placed orders are counted in all of them. */
const ALL_STATES = Object.values(OrderState);

/**
 * How long a shop's orders waited from submitted to ready over the last `windowMinutes` (DESIGN's
 * issue 9, "wait-time insight"): average and p90, overall and per drink, and the window minute by
 * minute (orders placed, orders made ready, their average wait).
 *
 * Efficient by construction: completions come from one Query of the `byShopState` index on
 * `<shopId>#READY`, bounded by `createdAt` — an order ready in the window was created at most the
 * shop's customer and barista timeouts before the window started — and filtered on `readyAt`;
 * orders placed come from one bounded Query per state. No scan. Orders completed before
 * `submittedAt`/`readyAt` were recorded are left out.
 */
export async function waitTimes(
  shopId: string,
  windowMinutes: number,
  now = new Date(),
): Promise<WaitTimesResponse> {
  const shop = await loadShop(shopId);
  const window = { from: new Date(now.getTime() - windowMinutes * 60_000), to: now };
  const lifetimeMs = (shop.limits.customerTimeoutSeconds + shop.limits.baristaTimeoutSeconds + 60) * 1000;
  const createdFrom = new Date(window.from.getTime() - lifetimeMs).toISOString();

  const [ready, ...placedByState] = await Promise.all([
    orderTimes(shopId, OrderState.Ready, createdFrom, window.from.toISOString()),
    ...ALL_STATES.map((state) => orderTimes(shopId, state, window.from.toISOString())),
  ]);
  const completed = inWindow(
    ready.flatMap((order): CompletedOrder[] =>
      order.submittedAt && order.readyAt
        ? [{ drinkId: order.drinkId, submittedAt: order.submittedAt, readyAt: order.readyAt }]
        : [],
    ),
    window,
  );
  const placedAt = placedByState.flat().map((order) => order.createdAt);
  const names = new Map(shop.menu.map((drink) => [drink.id, drink.name]));
  const overall = waitStats(completed.map(waitSeconds));
  return {
    shopId,
    windowMinutes,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    ...(overall && { overall }),
    drinks: statsPerDrink(completed).map((stats) => {
      const name = names.get(stats.drinkId);
      return name === undefined ? stats : { ...stats, name };
    }),
    perMinute: perMinute(window, placedAt, completed),
  };
}
