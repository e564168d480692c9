import { queryKeys, useApi } from '@coffee/app-shared';
import { isFinalState, type Order, OrderState } from '@coffee/backend/contracts';
import { useQuery } from '@tanstack/react-query';

/**
 * How often to re-read an order besides its live messages: often while the workflow is about to
 * move it on by itself (a message sent before the subscription was in place would be missed),
 * seldom while it waits on a person, never once final.
 */
export function pollInterval(order: Order | undefined): number | false {
  if (!order) return false;
  if (isFinalState(order.state)) return false;
  const transitional =
    order.state === OrderState.Pending || (order.state === OrderState.Submitted && !order.orderNumber);
  return transitional ? 2_000 : 15_000;
}

/** One order (`GET /api/orders/{orderId}`), kept live by `useOrderUpdates` and {@link pollInterval}. */
export function useOrder(orderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.order(orderId),
    queryFn: ({ signal }) => api.call('getOrder', { params: { orderId }, signal }),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
}
