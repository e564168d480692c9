import { isNewerOrder, isOrderMessage, orderOfMessage, queryKeys, useTopic } from '@coffee/app-shared';
import { type Order, type PublicMessage, userOrdersTopic } from '@coffee/backend/contracts';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';

/**
 * Applies one message of `users/{userId}/orders` to the caches: the order it carries replaces the
 * cached one unless older; a message that only names the order (the workflow's) re-fetches it.
 * The history is re-fetched either way.
 */
export function applyOrderMessage(queryClient: QueryClient, message: PublicMessage): void {
  if (!isOrderMessage(message)) return;
  const key = queryKeys.order(message.detail.orderId);
  const order = orderOfMessage(message);
  if (order) {
    queryClient.setQueryData<Order>(key, (current) => (isNewerOrder(current, order) ? order : current));
  } else {
    void queryClient.invalidateQueries({ queryKey: key });
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.myOrders() });
}

/** Follows the signed-in customer's orders live on `users/{userId}/orders` (none while signed out). */
export function useOrderUpdates(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useTopic(userId ? userOrdersTopic(userId) : undefined, (message) =>
    applyOrderMessage(queryClient, message),
  );
}
