import { StaffAppLayout, shopIdFromSearch } from '@coffee/app-shared';
import { Role, StaffAccount } from '@coffee/backend/contracts';
import { QueuePage } from './routes/queue-page';

/** The title of the barista app, in the header and the tab. */
export const APP_TITLE = 'Barista';

/**
 * The barista app: staff sign-in (the `barista` account), then the live queue of the shop named
 * by `?shop=` (default `main`). An account without the barista role is told so and can sign out.
 */
export function App({ shopId = shopIdFromSearch(window.location.search) }: { shopId?: string }) {
  return (
    <StaffAppLayout
      title={APP_TITLE}
      role={Role.Barista}
      username={StaffAccount.barista.username}
      appName="the barista app"
    >
      <QueuePage shopId={shopId} />
    </StaffAppLayout>
  );
}
