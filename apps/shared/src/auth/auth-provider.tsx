import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AuthService } from './auth-service';
import type { Identity } from './identity';

/** What {@link useAuth} answers: the service, who is signed in, and whether that is known yet. */
export interface AuthState {
  auth: AuthService;
  /** `loading` until the stored session has been read. */
  status: 'loading' | 'signed-in' | 'signed-out';
  identity: Identity | undefined;
  /** Reads the session again (after a sign-in step completed outside the service's events). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

/** Gives the tree the {@link AuthService} and the current identity, kept up to date on auth events. */
export function AuthProvider({ auth, children }: { auth: AuthService; children: ReactNode }) {
  const [identity, setIdentity] = useState<Identity | undefined>();
  const [loaded, setLoaded] = useState(false);

  const refresh = useCallback(async () => {
    const next = await auth.current();
    setIdentity((previous) => (sameIdentity(previous, next) ? previous : next));
    setLoaded(true);
  }, [auth]);

  useEffect(() => {
    void refresh();
    return auth.onChange(() => void refresh());
  }, [auth, refresh]);

  const value = useMemo<AuthState>(
    () => ({
      auth,
      identity,
      refresh,
      status: !loaded ? 'loading' : identity ? 'signed-in' : 'signed-out',
    }),
    [auth, identity, loaded, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

function sameIdentity(a: Identity | undefined, b: Identity | undefined): boolean {
  return a?.userId === b?.userId && a?.roles.join() === b?.roles.join();
}

/** The auth state of the nearest {@link AuthProvider}. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs an <AuthProvider> above it');
  return state;
}
