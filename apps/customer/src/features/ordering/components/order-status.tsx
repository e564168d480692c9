import type { Menu, Order, OrderDetail } from '@coffee/backend/contracts';
import { OrderState } from '@coffee/backend/contracts';
import { drinkText, queuePlaceText, reasonText, STATE_LABELS } from '../order-words';

/** The order number, large: what the customer watches for on the big screen. */
function OrderNumber({ order }: { order: Order }) {
  return (
    <p className="order-number">
      <span>Order number</span>
      <strong>{order.orderNumber ?? '…'}</strong>
    </p>
  );
}

/** What an order is doing now, in words: one block per state, same place, same size. */
export function OrderStatus({ order, menu }: { order: OrderDetail; menu: Menu | undefined }) {
  const drink = order.drink ? <p className="order-drink">{drinkText(order.drink, menu)}</p> : null;
  switch (order.state) {
    case OrderState.Pending:
      return (
        <section className="status" aria-live="polite">
          <h2>{STATE_LABELS.PENDING}</h2>
          <p>Your code was accepted. Checking the shop is open and has room…</p>
        </section>
      );
    case OrderState.Created:
      return null;
    case OrderState.Submitted:
      return (
        <section className="status" aria-live="polite">
          <h2>{STATE_LABELS.SUBMITTED}</h2>
          <OrderNumber order={order} />
          {drink}
          {order.ahead !== undefined && <p className="queue-place">{queuePlaceText(order.ahead)}</p>}
          <p>Watch the big screen: your number shows there while it is made and when it is ready.</p>
        </section>
      );
    case OrderState.Making:
      return (
        <section className="status" aria-live="polite">
          <h2>{STATE_LABELS.MAKING}</h2>
          <OrderNumber order={order} />
          {drink}
          <p>A barista is making your drink now.</p>
        </section>
      );
    case OrderState.Ready:
      return (
        <section className="status ready" aria-live="assertive">
          <h2>{STATE_LABELS.READY}</h2>
          <OrderNumber order={order} />
          {drink}
          <p>Your drink is ready. Show this number at the counter. Enjoy!</p>
        </section>
      );
    case OrderState.Cancelled:
    case OrderState.Rejected:
      return (
        <section className="status ended" aria-live="polite">
          <h2>{STATE_LABELS[order.state]}</h2>
          {order.orderNumber !== undefined && <OrderNumber order={order} />}
          {drink}
          <p>{reasonText(order) ?? 'This order has ended.'}</p>
          <p className="coffee-hint">To order again, scan the QR code on the screen.</p>
        </section>
      );
  }
}
