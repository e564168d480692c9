import { queryKeys, useApi } from '@coffee/app-shared';
import { useQuery } from '@tanstack/react-query';
import { msUntilRefresh } from '../utils/qr-state';

/** How often to try again while the code cannot be fetched. */
export const QR_ERROR_RETRY_MS = 10_000;

/**
 * The current QR code (`GET /api/shops/{shopId}/qr-code`), fetched again just after it expires
 * (the next interval is computed from each answer's `expiresAt`), and every few seconds while it
 * cannot be fetched. Not asked for while the shop is closed (`enabled` false).
 */
export function useQrCode(shopId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.qrCode(shopId),
    queryFn: ({ signal }) => api.call('getQrCode', { params: { shopId }, signal }),
    enabled,
    staleTime: 0,
    refetchInterval: (query) => {
      if (query.state.status === 'error') return QR_ERROR_RETRY_MS;
      return query.state.data ? msUntilRefresh(query.state.data, Date.now()) : false;
    },
    refetchIntervalInBackground: true,
  });
}
