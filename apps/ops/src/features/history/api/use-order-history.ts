import { queryKeys, useApi, useTopic } from '@coffee/app-shared';
import { shopQueueTopic } from '@coffee/backend/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';

/** How often a running execution's history is read again. */
export const HISTORY_REFRESH_MS = 5_000;

/**
 * The execution history of order `orderId` (`GET /api/ops/orders/{orderId}/history`), read again
 * when an event of that order arrives on the shop's queue topic, and every few seconds while the
 * execution runs.
 */
export function useOrderHistory(shopId: string, orderId: string | undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  useTopic(orderId ? shopQueueTopic(shopId) : undefined, (message) => {
    if (orderId && 'orderId' in message.detail && message.detail.orderId === orderId)
      void queryClient.invalidateQueries({ queryKey: queryKeys.orderHistory(orderId) });
  });
  return useQuery({
    queryKey: queryKeys.orderHistory(orderId ?? ''),
    queryFn: ({ signal }) => api.call('getOrderHistory', { params: { orderId: orderId as string }, signal }),
    enabled: orderId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'RUNNING' ? HISTORY_REFRESH_MS : false),
  });
}
