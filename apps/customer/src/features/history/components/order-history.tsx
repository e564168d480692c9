import { ErrorMessage } from '@coffee/app-shared';
import { isOpenState, type Menu, type Order } from '@coffee/backend/contracts';
import { navigate } from '../../../lib/navigation';
import { drinkText, STATE_LABELS } from '../../ordering/order-words';
import { useMyOrders } from '../api/use-my-orders';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function OrderRow({ order, menu }: { order: Order; menu: Menu | undefined }) {
  const what = order.drink ? drinkText(order.drink, menu) : 'No drink chosen';
  return (
    <li>
      <button type="button" className="history-row" onClick={() => navigate({ order: order.orderId })}>
        <span className="history-what">
          {order.orderNumber !== undefined && <strong>#{order.orderNumber} </strong>}
          {what}
        </span>
        <span className="history-state" data-open={isOpenState(order.state) || undefined}>
          {STATE_LABELS[order.state]}
        </span>
        <time dateTime={order.createdAt}>{timeFormat.format(new Date(order.createdAt))}</time>
      </button>
    </li>
  );
}

/**
 * The customer's orders, newest first; an open one is offered first. Each opens its live view.
 * `menu` names the drinks (ids are shown without it).
 */
export function OrderHistory({ menu }: { menu?: Menu | undefined }) {
  const orders = useMyOrders();
  const list = orders.data?.orders ?? [];
  const open = list.find((order) => isOpenState(order.state));
  return (
    <section className="history" aria-labelledby="history-heading">
      {open && (
        <button type="button" className="coffee-button" onClick={() => navigate({ order: open.orderId })}>
          Follow your current order
        </button>
      )}
      <h2 id="history-heading">Your orders</h2>
      <ErrorMessage error={orders.error} />
      {orders.isPending ? (
        <p className="placeholder">Loading your orders…</p>
      ) : list.length === 0 ? (
        <p className="coffee-hint">No orders yet. Scan the QR code on the screen to order a drink.</p>
      ) : (
        <ul>
          {list.map((order) => (
            <OrderRow key={order.orderId} order={order} menu={menu} />
          ))}
        </ul>
      )}
    </section>
  );
}
