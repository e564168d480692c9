import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { type ApiClient, createApiClient } from './api/api-client';
import { isApiError } from './api/api-error';
import { ApiProvider } from './api/api-provider';
import { createAmplifyAuth } from './auth/amplify-auth';
import { AuthProvider, useAuth } from './auth/auth-provider';
import type { AuthService } from './auth/auth-service';
import { loadRuntimeConfig, type RuntimeConfig } from './config/runtime-config';
import { createAmplifyRealtime } from './realtime/amplify-realtime';
import type { RealtimeConnection } from './realtime/realtime-connection';
import { RealtimeProvider } from './realtime/realtime-provider';

/** Everything an app talks to; {@link createAppServices} builds the real ones, tests fakes. */
export interface AppServices {
  config: RuntimeConfig;
  auth: AuthService;
  api: ApiClient;
  /** Opens a realtime connection as whoever is signed in at the time. */
  connectRealtime: () => RealtimeConnection;
  queryClient: QueryClient;
}

/** A QueryClient with the apps' defaults: no retry of a 4xx, data fresh until a message says otherwise. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 3 && (!isApiError(error) || error.retryable),
      },
      mutations: { retry: false },
    },
  });
}

/** Loads `/config.json` and builds the real services: Amplify Auth, the API client, Amplify PubSub. */
export async function createAppServices(config?: RuntimeConfig): Promise<AppServices> {
  const runtime = config ?? (await loadRuntimeConfig());
  const auth = createAmplifyAuth(runtime);
  return {
    config: runtime,
    auth,
    api: createApiClient({ apiUrl: runtime.apiUrl, getToken: () => auth.idToken() }),
    connectRealtime: () => createAmplifyRealtime(runtime, () => auth.idToken()),
    queryClient: createQueryClient(),
  };
}

/**
 * Scopes what depends on who is signed in: the realtime connection (re-opened per user) and the
 * query cache (emptied when a user signs out or another signs in, so nobody sees the previous
 * user's orders).
 */
function IdentityScope({ connect, children }: { connect: () => RealtimeConnection; children: ReactNode }) {
  const { identity, status } = useAuth();
  const queryClient = useQueryClient();
  const previousUser = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (status === 'loading') return;
    if (previousUser.current !== undefined && previousUser.current !== identity?.userId) queryClient.clear();
    previousUser.current = identity?.userId;
  }, [identity?.userId, status, queryClient]);
  // Wait for the stored session, so that a signed-in user does not connect anonymously first.
  const key = status === 'loading' ? 'loading' : (identity?.userId ?? 'anonymous');
  return (
    <RealtimeProvider connect={connect} connectionKey={key}>
      {children}
    </RealtimeProvider>
  );
}

/**
 * The providers every app needs, in order: TanStack Query, the API client, auth, and a realtime
 * connection re-opened whenever the signed-in user changes (the broker authorises per connection).
 */
export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <QueryClientProvider client={services.queryClient}>
      <ApiProvider api={services.api}>
        <AuthProvider auth={services.auth}>
          <IdentityScope connect={services.connectRealtime}>{children}</IdentityScope>
        </AuthProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}
