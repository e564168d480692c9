import { ErrorMessage, useNow, useShopConfig } from '@coffee/app-shared';
import { DEFAULT_LIMITS } from '@coffee/backend/contracts';
import { useMemo, useState } from 'react';
import { useQueue } from '../../features/queue/api/queue-query';
import { useOrderActions } from '../../features/queue/api/use-order-actions';
import { QueueBoard } from '../../features/queue/components/queue-board';
import { useLiveQueue } from '../../features/queue/hooks/use-live-queue';
import { queueColumns } from '../../features/queue/utils/queue-state';
import { useShopSettings } from '../../features/shop/api/use-shop-settings';
import { useUpdateLimits } from '../../features/shop/api/use-update-limits';
import { MenuAvailability } from '../../features/shop/components/menu-availability';
import { ShopLimitsForm } from '../../features/shop/components/shop-limits-form';
import { ShopOpenSwitch } from '../../features/shop/components/shop-open-switch';

/**
 * The barista's screen: the shop's open switch, drink availability and limits on top, the live
 * queue below. Every part stays in place as updates arrive; messages appear in a reserved strip.
 */
export function QueuePage({ shopId }: { shopId: string }) {
  const now = useNow(1000);
  const config = useShopConfig(shopId);
  const queue = useQueue(shopId);
  useLiveQueue(shopId);
  const actions = useOrderActions(shopId);
  const settings = useShopSettings(shopId);
  const limitsUpdate = useUpdateLimits(shopId);
  const [menuShown, setMenuShown] = useState(false);
  const [limitsShown, setLimitsShown] = useState(false);
  const columns = useMemo(() => queueColumns(queue.data ?? [], now), [queue.data, now]);
  const shop = config.data;
  const notice = actions.error ?? settings.error;

  return (
    <div className="queue-page">
      <div className="toolbar">
        <p className="toolbar__shop">{shop?.name ?? shopId}</p>
        {shop && (
          <ShopOpenSwitch
            open={shop.open}
            pending={settings.openPending}
            onChange={(open) => settings.setOpen(open)}
          />
        )}
        <PanelToggle panelId="menu-panel" label="Drinks" shown={menuShown} onToggle={setMenuShown} />
        <PanelToggle panelId="limits-panel" label="Limits" shown={limitsShown} onToggle={setLimitsShown} />
      </div>
      {shop && !shop.open && (
        <p className="closed-banner">The shop is closed: customers cannot order. Finish the queue below.</p>
      )}
      <div id="menu-panel" hidden={!menuShown}>
        {shop && (
          <MenuAvailability
            menu={shop.menu}
            pending={settings.drinksPending}
            onChange={(drinkId, available) => settings.setDrinkAvailable(drinkId, available)}
          />
        )}
      </div>
      <div id="limits-panel" hidden={!limitsShown}>
        {shop && (
          <ShopLimitsForm
            limits={shop.limits}
            pending={limitsUpdate.pending}
            error={limitsUpdate.error}
            onSave={limitsUpdate.save}
            onEdit={limitsUpdate.reset}
          />
        )}
      </div>
      <div className="notice-strip">
        {notice && (
          <p className="notice" role="alert">
            {notice}{' '}
            {actions.error && (
              <button type="button" className="button button--small" onClick={actions.dismissError}>
                Dismiss
              </button>
            )}
          </p>
        )}
        {!notice && queue.isPending && <p role="status">Loading the queue…</p>}
        {!notice && queue.isError && <ErrorMessage error={queue.error} />}
        {!notice && config.isError && <ErrorMessage error={config.error} />}
      </div>
      <QueueBoard
        columns={columns}
        menu={shop?.menu}
        now={now}
        baristaTimeoutSeconds={shop?.limits.baristaTimeoutSeconds ?? DEFAULT_LIMITS.baristaTimeoutSeconds}
        pending={actions.pending}
        onAction={(order, action, reason) => void actions.run(order, action, reason)}
      />
    </div>
  );
}

/** The toolbar button that shows or hides a panel: "Drinks" / "Hide drinks". */
function PanelToggle({
  panelId,
  label,
  shown,
  onToggle,
}: {
  panelId: string;
  label: string;
  shown: boolean;
  onToggle: (shown: boolean) => void;
}) {
  return (
    <button
      type="button"
      className="button"
      aria-expanded={shown}
      aria-controls={panelId}
      onClick={() => onToggle(!shown)}
    >
      {shown ? `Hide ${label.toLowerCase()}` : label}
    </button>
  );
}
