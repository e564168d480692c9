import { StaffSignInForm, shopIdFromSearch, useAuth } from '@coffee/app-shared';
import { Role, StaffAccount } from '@coffee/backend/contracts';
import { DisplayPage } from './routes/display-page';

/** The roles that may run the display: the display account, and a barista setting it up. */
const DISPLAY_ROLES: readonly Role[] = [Role.Display, Role.Barista];

/**
 * The display app: staff sign-in once (the `display` account; the session is kept and refreshed),
 * then the full-screen display of the shop named by `?shop=` (default `main`), with nothing to
 * touch afterwards.
 */
export function App({ shopId = shopIdFromSearch(window.location.search) }: { shopId?: string }) {
  const { status, identity, auth } = useAuth();
  if (identity?.roles.some((role) => DISPLAY_ROLES.includes(role))) {
    return <DisplayPage shopId={shopId} />;
  }
  return (
    <main className="sign-in-screen">
      <h1>Coffee bar display</h1>
      {status === 'loading' && <p role="status">Loading…</p>}
      {status === 'signed-out' && <StaffSignInForm defaultUsername={StaffAccount.display.username} />}
      {identity && (
        <>
          <p className="coffee-error" role="alert">
            This account cannot run the display. Sign in as {StaffAccount.display.username}.
          </p>
          <button type="button" className="coffee-button" onClick={() => void auth.signOut()}>
            Sign out
          </button>
        </>
      )}
    </main>
  );
}
