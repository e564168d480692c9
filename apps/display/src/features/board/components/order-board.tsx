import type { Order } from '@coffee/backend/contracts';
import type { BoardColumns } from '../utils/board-state';

/** How many tiles fit a column at the display's type size (5 rows of 2); beyond, the last tile says "+N more". */
export const MAX_NUMBERS_PER_COLUMN = 10;

/** The orders a column shows as numbers, and how many more it sums up in a last tile. */
export function visibleNumbers(orders: readonly Order[]): { shown: Order[]; more: number } {
  if (orders.length <= MAX_NUMBERS_PER_COLUMN) return { shown: [...orders], more: 0 };
  const shown = orders.slice(0, MAX_NUMBERS_PER_COLUMN - 1);
  return { shown, more: orders.length - shown.length };
}

function NumberColumn({
  id,
  title,
  orders,
  empty,
}: {
  id: string;
  title: string;
  orders: Order[];
  empty: string;
}) {
  const { shown, more } = visibleNumbers(orders);
  return (
    <section className={`board-column board-column--${id}`} aria-labelledby={`board-${id}-title`}>
      <h2 id={`board-${id}-title`} className="board-column__title">
        {title}
      </h2>
      {orders.length === 0 ? (
        <p className="board-column__empty">{empty}</p>
      ) : (
        <ul className="board-column__numbers">
          {shown.map((order) => (
            <li key={order.orderId} className="board-number">
              {order.orderNumber}
            </li>
          ))}
          {more > 0 && <li className="board-number board-number--more">+{more} more</li>}
        </ul>
      )}
    </section>
  );
}

/** Props of {@link OrderBoard}. */
export interface OrderBoardProps {
  columns: BoardColumns;
}

/** The order numbers being made and ready for pickup, in large type on a fixed grid. */
export function OrderBoard({ columns }: OrderBoardProps) {
  return (
    <div className="order-board">
      <NumberColumn id="making" title="Being made" orders={columns.making} empty="Nothing yet" />
      <NumberColumn id="ready" title="Ready for pickup" orders={columns.ready} empty="Nothing yet" />
    </div>
  );
}
