import { byLatestReady } from '@coffee/app-shared';
import type { Order } from '@coffee/backend/contracts';
import type { BoardColumns } from '../utils/board-state';

/** How many tiles fit a column at the display's type size (5 rows of 2); beyond, the last tile sums up the rest. */
export const MAX_NUMBERS_PER_COLUMN = 10;

/**
 * Which orders a full column keeps in view: the lowest numbers (being made: the next to be
 * ready), or the latest ready (ready: the customers still on their way; the earlier ones have
 * mostly collected theirs).
 */
type KeptInView = 'lowest' | 'latest';

/**
 * The orders a column shows as numbers, by order number, and how many it sums up in a last tile
 * once they do not all fit; `orders` come by number.
 */
function visibleNumbers(orders: readonly Order[], kept: KeptInView): { shown: Order[]; hidden: number } {
  if (orders.length <= MAX_NUMBERS_PER_COLUMN) return { shown: [...orders], hidden: 0 };
  const room = MAX_NUMBERS_PER_COLUMN - 1;
  const inView =
    kept === 'lowest'
      ? new Set(orders.slice(0, room))
      : new Set([...orders].sort(byLatestReady).slice(0, room));
  return { shown: orders.filter((order) => inView.has(order)), hidden: orders.length - room };
}

function NumberColumn({
  id,
  title,
  orders,
  empty,
  kept,
  hiddenWord,
  standingOut = new Set(),
}: {
  id: string;
  title: string;
  orders: Order[];
  empty: string;
  kept: KeptInView;
  /** What the last tile calls the orders it sums up: `+N <word>`. */
  hiddenWord: string;
  /** The orders whose tiles stand out (pulse), by id. */
  standingOut?: ReadonlySet<string>;
}) {
  const { shown, hidden } = visibleNumbers(orders, kept);
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
            <li
              key={order.orderId}
              className={
                standingOut.has(order.orderId) ? 'board-number board-number--just-ready' : 'board-number'
              }
            >
              {order.orderNumber}
            </li>
          ))}
          {hidden > 0 && (
            <li className="board-number board-number--more">
              <span className="board-number__count">+{hidden}</span> <span>{hiddenWord}</span>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** Props of {@link OrderBoard}. */
export interface OrderBoardProps {
  columns: BoardColumns;
}

/**
 * The order numbers being made and ready for pickup, in large type on a fixed grid; a number just
 * ready pulses for a few seconds.
 */
export function OrderBoard({ columns }: OrderBoardProps) {
  return (
    <div className="order-board">
      <NumberColumn
        id="making"
        title="Being made"
        orders={columns.making}
        empty="Nothing yet"
        kept="lowest"
        hiddenWord="more"
      />
      <NumberColumn
        id="ready"
        title="Ready for pickup"
        orders={columns.ready}
        empty="Nothing yet"
        kept="latest"
        hiddenWord="earlier"
        standingOut={columns.justReady}
      />
    </div>
  );
}
