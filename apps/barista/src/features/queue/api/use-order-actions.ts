import { useApi } from '@coffee/app-shared';
import type { Order } from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { actionErrorMessage, isRefusedAction } from '../utils/action-errors';
import type { OrderAction } from '../utils/order-actions';
import { queueCache } from '../utils/queue-state';
import { cachedQueue, queueQueryKey } from './queue-query';

/** What {@link useOrderActions} answers. */
export interface OrderActions {
  /** The action on its way for each order, by order id. */
  pending: Readonly<Record<string, OrderAction>>;
  /** Sends an action; `reason` only for `cancel`. Never throws: a failure lands in `error`. */
  run: (order: Order, action: OrderAction, reason?: string) => Promise<void>;
  /** The last failure, in words for the barista. */
  error: string | undefined;
  dismissError: () => void;
}

/**
 * Make, unmake, complete and cancel (`POST /api/orders/{id}/...`). The answer (the order after
 * the change) goes into the cache at once, without waiting for its event. A refused action means
 * the tablet's view was behind: the order is read again (`GET /api/orders/{id}`), so that the
 * barista is told what actually happened to it and its card moves at once, and the queue is
 * refetched.
 */
export function useOrderActions(shopId: string): OrderActions {
  const api = useApi();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Record<string, OrderAction>>({});
  const [error, setError] = useState<string>();

  /** The order as the server has it now, or `undefined` when it cannot be read (gone, offline). */
  const currentOrder = useCallback(
    async (orderId: string): Promise<Order | undefined> => {
      try {
        return await api.call('getOrder', { params: { orderId } });
      } catch {
        // The refusal is reported either way, in words that claim nothing about the order.
        return undefined;
      }
    },
    [api],
  );

  const run = useCallback(
    async (order: Order, action: OrderAction, reason?: string) => {
      const params = { orderId: order.orderId };
      setPending((current) => ({ ...current, [order.orderId]: action }));
      setError(undefined);
      try {
        const updated =
          action === 'make'
            ? await api.call('makeOrder', { params, body: undefined })
            : action === 'unmake'
              ? await api.call('unmakeOrder', { params, body: undefined })
              : action === 'complete'
                ? await api.call('completeOrder', { params, body: undefined })
                : await api.call('cancelOrder', { params, body: reason ? { reason } : undefined });
        queryClient.setQueryData(
          queueQueryKey(shopId),
          queueCache.upsert(cachedQueue(queryClient, shopId), updated),
        );
      } catch (failure) {
        const current = isRefusedAction(failure) ? await currentOrder(order.orderId) : undefined;
        if (current) {
          queryClient.setQueryData(
            queueQueryKey(shopId),
            queueCache.upsert(cachedQueue(queryClient, shopId), current),
          );
        }
        setError(actionErrorMessage(order, action, failure, current));
        void queryClient.invalidateQueries({ queryKey: queueQueryKey(shopId) });
      } finally {
        setPending(({ [order.orderId]: _done, ...rest }) => rest);
      }
    },
    [api, currentOrder, queryClient, shopId],
  );

  return { pending, run, error, dismissError: useCallback(() => setError(undefined), []) };
}
