import { queryKeys, useApi } from '@coffee/app-shared';
import type { Order } from '@coffee/backend/contracts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { mergeListing, QUEUE_STATES } from '../utils/queue-state';

/**
 * The cache key of the barista queue: every order of the three columns in one entry, so that an
 * event moving an order between columns is one update. Under the shop's orders prefix, so that
 * invalidating the shop's orders refreshes it too.
 */
export const queueQueryKey = (shopId: string) =>
  [...queryKeys.shopOrdersAll(shopId), 'barista-queue'] as const;

/** The cached queue of `shopId` (empty before the first fetch). */
export function cachedQueue(queryClient: QueryClient, shopId: string): Order[] {
  return queryClient.getQueryData<Order[]>(queueQueryKey(shopId)) ?? [];
}

/**
 * The barista queue: `GET /api/shops/{shopId}/orders?state=S` for new, making and ready, merged
 * into the cache so that an event that arrived while the lists were on their way is not undone.
 * Refetched on reconnect (the realtime provider invalidates every query then).
 */
export function useQueue(shopId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queueQueryKey(shopId),
    queryFn: async ({ signal }) => {
      const listedAt = Date.now();
      const lists = await Promise.all(
        QUEUE_STATES.map((state) =>
          api.call('listShopOrders', { params: { shopId }, query: { state }, signal }),
        ),
      );
      return mergeListing(
        cachedQueue(queryClient, shopId),
        lists.flatMap((list) => list.orders),
        listedAt,
      );
    },
  });
}
