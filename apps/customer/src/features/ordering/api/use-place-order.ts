import { isApiError, queryKeys, useApi } from '@coffee/app-shared';
import type { OrderLink, PlaceOrderResponse } from '@coffee/backend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { randomId } from '../../../lib/random-id';

const KEY_PREFIX = 'coffee.order-key.';

/**
 * The `Idempotency-Key` for posting `token`: one per token, kept for the tab's session until the
 * post has its answer, so that a double tap or a reload while the answer is on its way yields the
 * same order, not a second drink — and a later scan of the same code is a new order.
 */
export function idempotencyKeyFor(token: string, storage: Storage = sessionStorage): string {
  const name = `${KEY_PREFIX}${token}`;
  const existing = storage.getItem(name);
  if (existing) return existing;
  const key = randomId();
  storage.setItem(name, key);
  return key;
}

/** Forgets the key of `token` once its post has a final answer (see {@link idempotencyKeyFor}). */
export function forgetIdempotencyKey(token: string, storage: Storage = sessionStorage): void {
  storage.removeItem(`${KEY_PREFIX}${token}`);
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
    onSuccess: (_answer, link) => {
      forgetIdempotencyKey(link.token);
      return queryClient.invalidateQueries({ queryKey: queryKeys.myOrders() });
    },
    // A refusal is final too (order-open now may be fine later); a fault or a retryable answer keeps the key.
    onError: (error, link) => {
      if (isApiError(error) && error.status >= 400 && error.status < 500 && !error.retryable)
        forgetIdempotencyKey(link.token);
    },
  });
}
