import { EventType, shopConfigTopic } from '@coffee/backend/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTopic } from '../realtime/realtime-provider';
import { useApi } from './api-provider';
import { queryKeys } from './query-keys';

/**
 * The shop's public config (`GET /api/shops/{shopId}/config`), kept live by `ConfigChanged` on
 * `shops/{shopId}/config`, which carries the whole new config.
 */
export function useShopConfig(shopId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  useTopic(shopConfigTopic(shopId), (message) => {
    if (message.type === EventType.ConfigChanged) {
      queryClient.setQueryData(queryKeys.shopConfig(shopId), message.detail.config);
    }
  });
  return useQuery({
    queryKey: queryKeys.shopConfig(shopId),
    queryFn: ({ signal }) => api.call('getShopConfig', { params: { shopId }, signal }),
  });
}
