import { queryKeys } from '@coffee/app-shared';
import { EventType, type PublicMessage, type QrCodeResponse } from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { takeDrink } from '../utils/qr-state';

/** How long to gather drinks taken before asking the server for the exact count: one request per rush, not per scan. */
export const RECOUNT_DELAY_MS = 1000;

/**
 * The handler of `shops/{shopId}/queue` messages for the QR code: each `Validator.NewOrder` (a
 * customer took a drink from the code) counts one drink down at once, and shortly after the
 * display asks the server for the exact count.
 */
export function useQrCodeUpdates(shopId: string): (message: PublicMessage) => void {
  const queryClient = useQueryClient();
  const recount = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(recount.current), []);
  return useCallback(
    (message) => {
      if (message.type !== EventType.NewOrder) return;
      const key = queryKeys.qrCode(shopId);
      queryClient.setQueryData<QrCodeResponse>(key, (qr) => (qr ? takeDrink(qr) : qr));
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
