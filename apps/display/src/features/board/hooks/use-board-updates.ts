import { applyOrderCacheUpdate } from '@coffee/app-shared';
import type { PublicMessage } from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { boardQueryKey, cachedBoard } from '../api/board-query';
import { applyBoardMessage } from '../utils/board-state';

/**
 * The handler of `shops/{shopId}/queue` messages for the board: each order event updates the
 * cached board in place; one that does not carry the order asks for a refetch.
 */
export function useBoardUpdates(shopId: string): (message: PublicMessage) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (message) => {
      const update = applyBoardMessage(cachedBoard(queryClient, shopId), message);
      applyOrderCacheUpdate(queryClient, boardQueryKey(shopId), update);
    },
    [queryClient, shopId],
  );
}
