import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-provider';
import { queryKeys } from './query-keys';

/** How often the wait times are asked again: they move slowly, a minute is plenty. */
export const WAIT_TIMES_REFRESH_MS = 60_000;

/**
 * The shop's wait times over the default window (`GET /api/shops/{shopId}/wait-times`, for anyone
 * signed in), refreshed every minute. Errors are left to the caller: a wait time is a nicety, and a
 * screen shows nothing rather than an error when it is missing.
 */
export function useWaitTimes(shopId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.waitTimes(shopId),
    queryFn: ({ signal }) => api.call('getWaitTimes', { params: { shopId }, query: {}, signal }),
    refetchInterval: WAIT_TIMES_REFRESH_MS,
    staleTime: WAIT_TIMES_REFRESH_MS / 2,
  });
}

/**
 * A wait in words for a person: "under a minute", else "about N min" (rounded to the minute), e.g.
 * `waitWords(250)` is "about 4 min".
 */
export function waitWords(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  return `about ${Math.round(seconds / 60)} min`;
}
