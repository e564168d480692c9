import { applyOrderCacheUpdate, useTopic } from '@coffee/app-shared';
import { shopQueueTopic } from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { cachedQueue, queueQueryKey } from '../api/queue-query';
import { applyQueueMessage } from '../utils/queue-state';

/**
 * Keeps the cached queue live from `shops/{shopId}/queue`: each order event updates it in place
 * (an order another barista claims leaves the new column at once); an event that does not carry
 * the order asks for a refetch.
 */
export function useLiveQueue(shopId: string): void {
  const queryClient = useQueryClient();
  useTopic(shopQueueTopic(shopId), (message) => {
    const update = applyQueueMessage(cachedQueue(queryClient, shopId), message);
    applyOrderCacheUpdate(queryClient, queueQueryKey(shopId), update);
  });
}
