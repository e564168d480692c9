import { cachedOrders, queryKeys, useOrderListing } from '@coffee/app-shared';
import type { Order } from '@coffee/backend/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { boardCache } from '../utils/board-state';

/** The cache key of the board: the orders being made and ready, in one entry. */
export const boardQueryKey = (shopId: string) =>
  [...queryKeys.shopOrdersAll(shopId), 'display-board'] as const;

/** The cached board of `shopId` (empty before the first fetch). */
export function cachedBoard(queryClient: QueryClient, shopId: string): Order[] {
  return cachedOrders(queryClient, boardQueryKey(shopId));
}

/** The board's orders: those of `shopId` being made and ready, listed then kept live. */
export function useBoard(shopId: string) {
  return useOrderListing(shopId, boardQueryKey(shopId), boardCache);
}
