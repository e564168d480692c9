import { isApiError, queryKeys, useApi } from '@coffee/app-shared';
import { type DrinkChoice, ErrorCode, type Order } from '@coffee/backend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** How many times a `not-ready` answer is retried (after its `Retry-After`) before giving up. */
export const NOT_READY_RETRIES = 10;

/**
 * Chooses the drink (`PUT /api/orders/{orderId}/drink`). A `not-ready` 409 (the workflow has not
 * caught up yet) is retried after its `Retry-After`; an unavailable drink re-reads the menu.
 */
export function useSubmitDrink(orderId: string, shopId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: DrinkChoice) => api.call('submitDrink', { params: { orderId }, body: choice }),
    retry: (failures, error) => isApiError(error, ErrorCode.NotReady) && failures < NOT_READY_RETRIES,
    retryDelay: (_, error) => (isApiError(error) ? (error.retryAfterSeconds ?? 1) : 1) * 1000,
    onSuccess: (order: Order) => queryClient.setQueryData(queryKeys.order(orderId), order),
    onError: (error) => {
      if (isApiError(error, ErrorCode.DrinkUnavailable, ErrorCode.DrinkUnknown, ErrorCode.OptionInvalid)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.shopConfig(shopId) });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) });
    },
  });
}

/** Cancels the order (`POST /api/orders/{orderId}/cancel`). */
export function useCancelOrder(orderId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('cancelOrder', { params: { orderId }, body: {} }),
    onSuccess: (order: Order) => {
      queryClient.setQueryData(queryKeys.order(orderId), order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myOrders() });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) }),
  });
}
