import { cachedOrders, queryKeys, useOrderListing } from '@coffee/app-shared';
import type { Order } from '@coffee/backend/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { queueCache } from '../utils/queue-state';

/**
 * The cache key of the barista queue: every order of the three columns in one entry, so that an
 * event moving an order between columns is one update. Under the shop's orders prefix, so that
 * invalidating the shop's orders refreshes it too.
 */
export const queueQueryKey = (shopId: string) =>
  [...queryKeys.shopOrdersAll(shopId), 'barista-queue'] as const;

/** The cached queue of `shopId` (empty before the first fetch). */
export function cachedQueue(queryClient: QueryClient, shopId: string): Order[] {
  return cachedOrders(queryClient, queueQueryKey(shopId));
}

/** The barista queue: the new, making and ready orders of `shopId`, listed then kept live. */
export function useQueue(shopId: string) {
  return useOrderListing(shopId, queueQueryKey(shopId), queueCache);
}
