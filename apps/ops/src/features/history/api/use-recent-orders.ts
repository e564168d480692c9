import { isNewerOrder, isOrderMessage, queryKeys, useApi, useTopic } from '@coffee/app-shared';
import { type Order, OrderState, shopQueueTopic } from '@coffee/backend/contracts';
import { useQueries, useQueryClient } from '@tanstack/react-query';

/** The states whose orders the picker lists. */
export const PICKER_STATES: readonly OrderState[] = [
  OrderState.Created,
  OrderState.Submitted,
  OrderState.Making,
  OrderState.Ready,
  OrderState.Cancelled,
];

/** How many recent orders the picker offers. */
export const RECENT_ORDERS = 20;

/**
 * One version of each order, its latest: the lists by state are fetched one by one, so an order
 * that moved on between two fetches is in both (as it was, and as it is).
 */
function latestVersions(orders: readonly Order[]): Order[] {
  const latest = new Map<string, Order>();
  for (const order of orders) {
    if (isNewerOrder(latest.get(order.orderId), order)) latest.set(order.orderId, order);
  }
  return [...latest.values()];
}

/**
 * The shop's most recently changed orders, newest first: the queue's lists by state
 * (`GET /api/shops/{shopId}/orders?state=S`, the barista's own cache entries), merged, and
 * refetched when an order event arrives.
 */
export function useRecentOrders(shopId: string): { orders: Order[]; isPending: boolean; error: unknown } {
  const api = useApi();
  const queryClient = useQueryClient();
  useTopic(shopQueueTopic(shopId), (message) => {
    if (isOrderMessage(message))
      void queryClient.invalidateQueries({ queryKey: queryKeys.shopOrdersAll(shopId) });
  });
  const results = useQueries({
    queries: PICKER_STATES.map((state) => ({
      queryKey: queryKeys.shopOrders(shopId, state),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.call('listShopOrders', { params: { shopId }, query: { state }, signal }).then((r) => r.orders),
    })),
  });
  const orders = latestVersions(results.flatMap((result) => result.data ?? []))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT_ORDERS);
  return {
    orders,
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error,
  };
}
