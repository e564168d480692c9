import { isOrderMessage, queryKeys, useApi, useTopic } from '@coffee/app-shared';
import { shopQueueTopic } from '@coffee/backend/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';

/** How often the counts are asked again when no order event arrives. */
export const WORKFLOW_REFRESH_MS = 5_000;

/**
 * The OrderProcessor's definition and its running executions per state (`GET /api/ops/workflow`),
 * counted again whenever an order event of the shop arrives on `shops/{shopId}/queue`, and every
 * {@link WORKFLOW_REFRESH_MS} in any case (executions of other shops, timeouts without an order event).
 */
export function useWorkflow(shopId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  useTopic(shopQueueTopic(shopId), (message) => {
    if (isOrderMessage(message)) void queryClient.invalidateQueries({ queryKey: queryKeys.workflow() });
  });
  return useQuery({
    queryKey: queryKeys.workflow(),
    queryFn: ({ signal }) => api.call('getWorkflow', { params: {}, signal }),
    refetchInterval: WORKFLOW_REFRESH_MS,
  });
}
