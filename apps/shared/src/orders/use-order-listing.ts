import type { Order } from '@coffee/backend/contracts';
import { type QueryClient, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-provider';
import type { OrderCache, OrderCacheUpdate } from './order-cache';

/** The orders cached under `queryKey` (empty before the first fetch). */
export function cachedOrders(queryClient: QueryClient, queryKey: QueryKey): Order[] {
  return queryClient.getQueryData<Order[]>(queryKey) ?? [];
}

/**
 * The orders of `shopId` a screen shows: `GET /api/shops/{shopId}/orders?state=S` for each of
 * `cache`'s listed states, merged into the entry under `queryKey` so that an event that arrived
 * while the lists were on their way is not undone. Refetched on reconnect (the realtime provider
 * invalidates every query then).
 */
export function useOrderListing(shopId: string, queryKey: QueryKey, cache: OrderCache) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const listedAt = Date.now();
      const lists = await Promise.all(
        cache.listedStates.map((state) =>
          api.call('listShopOrders', { params: { shopId }, query: { state }, signal }),
        ),
      );
      return cache.merge(
        cachedOrders(queryClient, queryKey),
        lists.flatMap((list) => list.orders),
        listedAt,
      );
    },
  });
}

/** Applies what a message did to the orders under `queryKey`: stores the new orders, or refetches. */
export function applyOrderCacheUpdate(
  queryClient: QueryClient,
  queryKey: QueryKey,
  update: OrderCacheUpdate,
): void {
  if (update.kind === 'orders') queryClient.setQueryData(queryKey, update.orders);
  else if (update.kind === 'refetch') void queryClient.invalidateQueries({ queryKey });
}
