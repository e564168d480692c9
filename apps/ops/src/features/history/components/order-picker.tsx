import { ErrorMessage } from '@coffee/app-shared';
import { type Order, OrderIdSchema } from '@coffee/backend/contracts';
import { type FormEvent, useState } from 'react';
import { useRecentOrders } from '../api/use-recent-orders';

/** An order in the list: its number (or id), drink and state. */
function orderWords(order: Order): string {
  const name = order.orderNumber !== undefined ? `#${order.orderNumber}` : order.orderId.slice(0, 8);
  const drink = order.drink ? ` ${order.drink.drinkId}` : '';
  return `${name}${drink} — ${order.state}`;
}

/**
 * Picks the order whose execution to show: one of the shop's recent orders (live), or any order by
 * its id.
 */
export function OrderPicker({
  shopId,
  selected,
  onSelect,
}: {
  shopId: string;
  selected: string | undefined;
  onSelect: (orderId: string) => void;
}) {
  const recent = useRecentOrders(shopId);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = OrderIdSchema.safeParse(typed.trim());
    if (!parsed.success) {
      setProblem('An order id is letters, digits, "-" or "_".');
      return;
    }
    setProblem(undefined);
    onSelect(parsed.data);
  };
  return (
    <div className="order-picker">
      <form className="coffee-form order-id-form" onSubmit={submit}>
        <label>
          Order id
          <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="coffee-button">
          Show history
        </button>
        {problem && (
          <p className="coffee-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      <h3 id="recent-orders-heading">Recent orders</h3>
      {recent.isPending && <p role="status">Loading orders…</p>}
      {recent.error ? <ErrorMessage error={recent.error} /> : null}
      {!recent.isPending && recent.orders.length === 0 && <p>No orders yet.</p>}
      <ul aria-labelledby="recent-orders-heading" className="recent-orders">
        {recent.orders.map((order) => (
          <li key={order.orderId}>
            <button
              type="button"
              className="link-button"
              aria-pressed={selected === order.orderId}
              onClick={() => onSelect(order.orderId)}
            >
              {orderWords(order)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
