import { queryKeys } from '@coffee/app-shared';
import {
  type ConfigPart,
  EventType,
  OrderState,
  type PublicMessage,
  type QrCodeResponse,
} from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { takeDrink } from '../utils/qr-state';

/** How long to gather drinks taken before asking the server for the exact count: one request per rush, not per scan. */
export const RECOUNT_DELAY_MS = 1000;

/**
 * The parts of the shop's config the current code depends on: its limits (`drinksPerCode` sets the
 * drinks a code admits, `codeSeconds` when it expires). Opening the shop fetches the code anyway.
 */
export const QR_CODE_CONFIG_PARTS: readonly ConfigPart[] = ['limits'];

/**
 * Whether the workflow may have given an order's drink back to its code before saying so: when it
 * rejected the order, or when the order ended cancelled, which may be one it gave up on before
 * admitting it (rare; asking after every cancellation costs one request).
 */
function mayGiveDrinkBack(message: PublicMessage): boolean {
  return (
    message.type === EventType.CapacityFull ||
    message.type === EventType.ShopUnavailable ||
    (message.type === EventType.OrderFinished && message.detail.state === OrderState.Cancelled)
  );
}

/**
 * The handler of `shops/{shopId}/queue` and `shops/{shopId}/config` messages for the QR code: each
 * `Validator.NewOrder` (a customer took a drink from the code) counts one drink down at once, and
 * shortly after the display asks the server for the exact count, as it does after a rejection or
 * a cancellation (the drink may have gone back to the code); a `ConfigChanged` of the limits (a
 * barista changed `drinksPerCode`, say) asks for the code again at once, since the count shown
 * may no longer hold.
 */
export function useQrCodeUpdates(shopId: string): (message: PublicMessage) => void {
  const queryClient = useQueryClient();
  const recount = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(recount.current), []);
  return useCallback(
    (message) => {
      const key = queryKeys.qrCode(shopId);
      if (message.type === EventType.ConfigChanged) {
        if (message.detail.changes.some((part) => QR_CODE_CONFIG_PARTS.includes(part))) {
          void queryClient.invalidateQueries({ queryKey: key });
        }
        return;
      }
      if (message.type === EventType.NewOrder) {
        queryClient.setQueryData<QrCodeResponse>(key, (qr) => (qr ? takeDrink(qr) : qr));
      } else if (!mayGiveDrinkBack(message)) {
        return;
      }
      if (recount.current === undefined) {
        recount.current = setTimeout(() => {
          recount.current = undefined;
          void queryClient.invalidateQueries({ queryKey: key });
        }, RECOUNT_DELAY_MS);
      }
    },
    [queryClient, shopId],
  );
}
