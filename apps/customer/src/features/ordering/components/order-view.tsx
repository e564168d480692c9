import { ErrorMessage, useShopConfig } from '@coffee/app-shared';
import { type Order, type OrderDetail, OrderState } from '@coffee/backend/contracts';
import { WaitEstimate } from '../../wait-time/components/wait-estimate';
import { useOrder } from '../api/use-order';
import { useOrderAlerts } from '../hooks/use-order-alerts';
import { CancelOrderButton } from './cancel-order-button';
import { ChoosingCountdown } from './choosing-countdown';
import { DrinkPicker } from './drink-picker';
import { OrderProgress } from './order-progress';
import { OrderStatus } from './order-status';

/** The states in which the customer may still cancel: before a barista has started on it. */
const CANCELLABLE: readonly Order['state'][] = [OrderState.Created, OrderState.Submitted];

/** The states in which the customer waits for their drink: the wait time is shown. */
const WAITING: readonly Order['state'][] = [OrderState.Submitted, OrderState.Making];

function LiveOrder({ order }: { order: OrderDetail }) {
  const config = useShopConfig(order.shopId);
  const menu = config.data?.menu;
  // The workflow waits as long as the limit said when the order started (orders of an older backend lack it).
  const chooseSeconds = order.chooseSeconds ?? config.data?.limits.customerTimeoutSeconds;
  useOrderAlerts(order);
  return (
    <div className="order">
      <OrderProgress state={order.state} />
      {order.state === OrderState.Created && (
        <>
          {chooseSeconds !== undefined && (
            <ChoosingCountdown since={order.updatedAt} seconds={chooseSeconds} />
          )}
          {menu ? <DrinkPicker order={order} menu={menu} /> : <ErrorMessage error={config.error} />}
          {!menu && !config.error && <p className="placeholder">Loading the menu…</p>}
        </>
      )}
      <OrderStatus order={order} menu={menu} />
      {WAITING.includes(order.state) && <WaitEstimate shopId={order.shopId} drinkId={order.drink?.drinkId} />}
      {CANCELLABLE.includes(order.state) && <CancelOrderButton orderId={order.orderId} />}
    </div>
  );
}

/** One order, followed live: its status, and the menu while the customer is choosing. */
export function OrderView({ orderId }: { orderId: string }) {
  const order = useOrder(orderId);
  if (order.data) return <LiveOrder order={order.data} />;
  if (order.error) return <ErrorMessage error={order.error} />;
  return <p className="placeholder">Loading your order…</p>;
}
