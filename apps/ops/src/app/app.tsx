import { StaffAppLayout, shopIdFromSearch } from '@coffee/app-shared';
import { Role, StaffAccount } from '@coffee/backend/contracts';
import { OpsPage } from './routes/ops-page';

/** The title of the ops app, in the header and the tab. */
export const APP_TITLE = 'Operations';

/**
 * The ops app for baristas and operators: staff sign-in (the `barista` account), then the
 * workflow, order executions and wait times of the shop named by `?shop=` (default `main`).
 */
export function App({ shopId = shopIdFromSearch(window.location.search) }: { shopId?: string }) {
  return (
    <StaffAppLayout
      title={APP_TITLE}
      role={Role.Barista}
      username={StaffAccount.barista.username}
      appName="the operations view"
    >
      <OpsPage shopId={shopId} />
    </StaffAppLayout>
  );
}
