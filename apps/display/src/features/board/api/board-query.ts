import { queryKeys, useApi } from '@coffee/app-shared';
import type { Order } from '@coffee/backend/contracts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { BOARD_STATES, mergeListing } from '../utils/board-state';

/** The cache key of the board: the orders being made and ready, in one entry. */
export const boardQueryKey = (shopId: string) =>
  [...queryKeys.shopOrdersAll(shopId), 'display-board'] as const;

/** The cached board of `shopId` (empty before the first fetch). */
export function cachedBoard(queryClient: QueryClient, shopId: string): Order[] {
  return queryClient.getQueryData<Order[]>(boardQueryKey(shopId)) ?? [];
}

/**
 * The board's orders: `GET /api/shops/{shopId}/orders?state=S` for `MAKING` and `READY`, merged
 * into the cache so that an event that arrived meanwhile is not undone. Refetched on reconnect
 * (the realtime provider invalidates every query then).
 */
export function useBoard(shopId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: boardQueryKey(shopId),
    queryFn: async ({ signal }) => {
      const listedAt = Date.now();
      const lists = await Promise.all(
        BOARD_STATES.map((state) =>
          api.call('listShopOrders', { params: { shopId }, query: { state }, signal }),
        ),
      );
      return mergeListing(
        cachedBoard(queryClient, shopId),
        lists.flatMap((list) => list.orders),
        listedAt,
      );
    },
  });
}
