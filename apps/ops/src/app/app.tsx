import { AppLayout, StaffSignInForm, useAuth } from '@coffee/app-shared';
import { Role, StaffAccount } from '@coffee/backend/contracts';
import { OpsPage } from './routes/ops-page';
import { shopIdFromSearch } from './shop-id';

/** The title of the ops app, in the header and the tab. */
export const APP_TITLE = 'Operations';

/**
 * The ops app for baristas and operators: staff sign-in (the `barista` account), then the
 * workflow, order executions and wait times of the shop named by `?shop=` (default `main`).
 */
export function App({ shopId = shopIdFromSearch(window.location.search) }: { shopId?: string }) {
  const { status, identity } = useAuth();
  return (
    <AppLayout title={APP_TITLE}>
      {status === 'loading' && <p role="status">Loading…</p>}
      {status === 'signed-out' && <StaffSignInForm defaultUsername={StaffAccount.barista.username} />}
      {identity && !identity.roles.includes(Role.Barista) && (
        <p className="coffee-error" role="alert">
          This account cannot use the operations view. Sign out and sign in as {StaffAccount.barista.username}
          .
        </p>
      )}
      {identity?.roles.includes(Role.Barista) && <OpsPage shopId={shopId} />}
    </AppLayout>
  );
}
