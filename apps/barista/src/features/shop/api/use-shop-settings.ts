import { errorMessage, queryKeys, useApi } from '@coffee/app-shared';
import type { ShopConfig } from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';

/** What {@link useShopSettings} answers. */
export interface ShopSettings {
  /** Whether an open/close is on its way. */
  openPending: boolean;
  /** The drinks whose availability change is on its way. */
  drinksPending: ReadonlySet<string>;
  setOpen: (open: boolean) => Promise<void>;
  setDrinkAvailable: (drinkId: string, available: boolean) => Promise<void>;
  /** The last failure, in words for the barista. */
  error: string | undefined;
}

/**
 * Opening and closing the shop (`PUT /api/shops/{shopId}/open`) and drink availability
 * (`PUT /api/shops/{shopId}/menu/{drinkId}`). Each answers the new config, which replaces the
 * cached one at once; `ConfigChanged` then tells every other screen.
 */
export function useShopSettings(shopId: string): ShopSettings {
  const api = useApi();
  const queryClient = useQueryClient();
  const [openPending, setOpenPending] = useState(false);
  const [drinksPending, setDrinksPending] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();

  const store = useCallback(
    (config: ShopConfig) => queryClient.setQueryData(queryKeys.shopConfig(shopId), config),
    [queryClient, shopId],
  );

  const setOpen = useCallback(
    async (open: boolean) => {
      setOpenPending(true);
      setError(undefined);
      try {
        store(await api.call('setShopOpen', { params: { shopId }, body: { open } }));
      } catch (failure) {
        setError(`Could not ${open ? 'open' : 'close'} the shop. ${errorMessage(failure)}`);
      } finally {
        setOpenPending(false);
      }
    },
    [api, shopId, store],
  );

  const setDrinkAvailable = useCallback(
    async (drinkId: string, available: boolean) => {
      setDrinksPending((current) => new Set(current).add(drinkId));
      setError(undefined);
      try {
        store(await api.call('setDrinkAvailability', { params: { shopId, drinkId }, body: { available } }));
      } catch (failure) {
        setError(`Could not change that drink. ${errorMessage(failure)}`);
      } finally {
        setDrinksPending((current) => {
          const next = new Set(current);
          next.delete(drinkId);
          return next;
        });
      }
    },
    [api, shopId, store],
  );

  return { openPending, drinksPending, setOpen, setDrinkAvailable, error };
}
