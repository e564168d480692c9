import { OrderState } from '@coffee/backend/contracts';
import { actionsFor, type OrderAction } from './order-actions';
import { QUEUE_STATES, type QueueColumns, type QueueState } from './queue-state';

/** An action a barista took on a card, and where that card was at the time. */
export interface ActedOn {
  orderId: string;
  action: OrderAction;
  /** The column the card was in. */
  column: QueueState;
  /** Its place in that column, 0 at the top. */
  index: number;
}

/** Where keyboard focus goes once an action has settled: a card's action button, or a column's heading. */
export type FocusTarget =
  | { kind: 'action'; orderId: string; action: OrderAction }
  | { kind: 'heading'; column: QueueState };

/** The column an action moves a card to when it succeeds; complete and cancel take it off the work columns. */
const MOVES_TO: Partial<Record<OrderAction, QueueState>> = {
  make: OrderState.Making,
  unmake: OrderState.Submitted,
};

/**
 * Where a keyboard user carries on after `acted` settled, given the columns now. The card moved
 * where the action sends it (make, unmake): its main action (Complete after Make, Make after
 * Unmake). The card stayed (the action failed): the same button again. The card left the work
 * columns (completed, cancelled, or taken elsewhere by someone else): the card that took its place
 * in its column, else the one above it, else that column's heading.
 */
export function focusAfterAction(columns: QueueColumns, acted: ActedOn): FocusTarget {
  const column = QUEUE_STATES.find((state) =>
    columns[state].some((order) => order.orderId === acted.orderId),
  );
  if (column === acted.column || (column !== undefined && column === MOVES_TO[acted.action])) {
    const offered = actionsFor(column);
    const action = offered.includes(acted.action) ? acted.action : offered[0];
    if (action) return { kind: 'action', orderId: acted.orderId, action };
  }
  const rest = columns[acted.column];
  const neighbour = rest[Math.min(acted.index, rest.length - 1)];
  const action = neighbour && actionsFor(neighbour.state)[0];
  if (neighbour && action) return { kind: 'action', orderId: neighbour.orderId, action };
  return { kind: 'heading', column: acted.column };
}
