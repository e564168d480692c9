import { queryKeys, useApi } from '@coffee/app-shared';
import type { OrderLink, PlaceOrderResponse } from '@coffee/backend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { randomId } from '../../../lib/random-id';

const KEY_PREFIX = 'coffee.order-key.';

/**
 * The `Idempotency-Key` for posting `token`: one per token, kept for the tab's session, so that a
 * double tap or a reload while the answer is on its way yields the same order, not a second drink.
 */
export function idempotencyKeyFor(token: string, storage: Storage = sessionStorage): string {
  const name = `${KEY_PREFIX}${token}`;
  const existing = storage.getItem(name);
  if (existing) return existing;
  const key = randomId();
  storage.setItem(name, key);
  return key;
}

/** Posts the QR code's token (`POST /api/shops/{shopId}/orders`): 202 `{ orderId, state }`. */
export function usePlaceOrder() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (link: OrderLink): Promise<PlaceOrderResponse> =>
      api.call('placeOrder', {
        params: { shopId: link.shopId },
        body: { token: link.token },
        idempotencyKey: idempotencyKeyFor(link.token),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myOrders() }),
  });
}
