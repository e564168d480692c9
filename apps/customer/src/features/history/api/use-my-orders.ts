import { queryKeys, useApi } from '@coffee/app-shared';
import { useQuery } from '@tanstack/react-query';

/** The signed-in customer's orders, newest first (`GET /api/me/orders`). */
export function useMyOrders(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.myOrders(),
    queryFn: ({ signal }) => api.call('listMyOrders', { params: {}, signal }),
    enabled,
  });
}
