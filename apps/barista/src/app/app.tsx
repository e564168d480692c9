import { AppLayout, StaffSignInForm, useAuth } from '@coffee/app-shared';
import { Role, StaffAccount } from '@coffee/backend/contracts';
import { QueuePage } from './routes/queue-page';
import { shopIdFromSearch } from './shop-id';

/** The title of the barista app, in the header and the tab. */
export const APP_TITLE = 'Barista';

/**
 * The barista app: staff sign-in (the `barista` account), then the live queue of the shop named
 * by `?shop=` (default `main`). An account without the barista role is told so and can sign out.
 */
export function App({ shopId = shopIdFromSearch(window.location.search) }: { shopId?: string }) {
  const { status, identity } = useAuth();
  return (
    <AppLayout title={APP_TITLE}>
      {status === 'loading' && <p role="status">Loading…</p>}
      {status === 'signed-out' && <StaffSignInForm defaultUsername={StaffAccount.barista.username} />}
      {identity && !identity.roles.includes(Role.Barista) && (
        <p className="coffee-error" role="alert">
          This account cannot use the barista app. Sign out and sign in as {StaffAccount.barista.username}.
        </p>
      )}
      {identity?.roles.includes(Role.Barista) && <QueuePage shopId={shopId} />}
    </AppLayout>
  );
}
