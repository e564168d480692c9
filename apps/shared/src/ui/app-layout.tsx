import type { ReactNode } from 'react';
import { useAuth } from '../auth/auth-provider';
import { OfflineIndicator } from './offline-indicator';

/** The frame of every app: a header with the title and the signed-in user, the offline banner, the page. */
export function AppLayout({ title, children }: { title: string; children: ReactNode }) {
  const { identity, auth } = useAuth();
  return (
    <div className="coffee-app">
      <header className="coffee-header">
        <h1>{title}</h1>
        {identity && (
          <div className="coffee-user">
            <span>{identity.email ?? identity.username}</span>
            <button type="button" className="coffee-link-button" onClick={() => void auth.signOut()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <OfflineIndicator />
      <main className="coffee-main">{children}</main>
    </div>
  );
}
