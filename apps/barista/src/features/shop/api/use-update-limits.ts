import { errorMessage, isApiError, NETWORK_ERROR, queryKeys, useApi } from '@coffee/app-shared';
import type { UpdateLimitsRequest } from '@coffee/backend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** What {@link useUpdateLimits} answers. */
export interface LimitsUpdate {
  /** Sends `changes`; resolves whether they were saved (a failure lands in `error`). */
  save: (changes: UpdateLimitsRequest) => Promise<boolean>;
  /** Whether a save is on its way. */
  pending: boolean;
  /** Why the last save failed, in words for the barista. */
  error: string | undefined;
  /** Forgets the last failure (the barista is editing again). */
  reset: () => void;
}

/**
 * The message of a failed save: a refusal (4xx) in the API's own words, which say which limit
 * and why; anything else (offline, a fault) in the apps' words.
 */
export function limitsErrorMessage(error: unknown): string {
  const refused =
    isApiError(error) && error.code !== NETWORK_ERROR && error.status >= 400 && error.status < 500;
  return `The limits were not saved. ${refused ? error.message : errorMessage(error)}`;
}

/**
 * Changes the shop's limits (`PUT /api/shops/{shopId}/limits`) with only the limits given. The
 * answer is the new config, which replaces the cached one at once; `ConfigChanged` then tells
 * every other screen.
 */
export function useUpdateLimits(shopId: string): LimitsUpdate {
  const api = useApi();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (changes: UpdateLimitsRequest) =>
      api.call('updateLimits', { params: { shopId }, body: changes }),
    onSuccess: (config) => queryClient.setQueryData(queryKeys.shopConfig(shopId), config),
  });
  const { mutateAsync, reset } = mutation;
  return {
    save: async (changes) => {
      try {
        await mutateAsync(changes);
        return true;
      } catch {
        // Kept by the mutation and shown through `error`.
        return false;
      }
    },
    pending: mutation.isPending,
    error: mutation.error ? limitsErrorMessage(mutation.error) : undefined,
    reset,
  };
}
