import { type Menu, type Order, OrderState } from '@coffee/backend/contracts';
import { useEffect, useRef, useState } from 'react';
import { type ActedOn, type FocusTarget, focusAfterAction } from '../utils/focus-after-action';
import { actionsFor, type OrderAction } from '../utils/order-actions';
import { orderNumberLabel } from '../utils/order-labels';
import { isQueueState, QUEUE_STATES, type QueueColumns, type QueueState } from '../utils/queue-state';
import { CancelDialog } from './cancel-dialog';
import { actionButtonId, OrderCard } from './order-card';

/** The heading of each column and what it says when empty. */
export const COLUMN_TEXT: Record<QueueState, { title: string; empty: string }> = {
  [OrderState.Submitted]: { title: 'New', empty: 'No new orders' },
  [OrderState.Making]: { title: 'Making', empty: 'Nothing being made' },
  [OrderState.Ready]: { title: 'Ready', empty: 'Nothing waiting for pickup' },
};

/** The id of a column's heading, which names the column and takes focus when nothing else can. */
const columnHeadingId = (state: QueueState) => `column-${state}`;

/** The element of `target` on the page, if it is there. */
function focusElement(target: FocusTarget): HTMLElement | null {
  return document.getElementById(
    target.kind === 'action' ? actionButtonId(target.orderId, target.action) : columnHeadingId(target.column),
  );
}

/** Whether keyboard focus went nowhere: on the page's body, or on an element no longer on the page. */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** Props of {@link QueueBoard}. */
export interface QueueBoardProps {
  columns: QueueColumns;
  menu: Menu | undefined;
  now: number;
  baristaTimeoutSeconds: number;
  /** The action on its way for each order, by order id. */
  pending: Readonly<Record<string, OrderAction>>;
  /** Called for an action; `reason` only for `cancel`, once confirmed. */
  onAction: (order: Order, action: OrderAction, reason?: string) => void;
}

/**
 * The live queue in three columns (new, making, ready), each a list of order cards, oldest
 * first. Cancelling asks for confirmation and a reason; the dialog closes by itself if the order
 * leaves the open columns meanwhile (another barista completed or cancelled it).
 *
 * An action moves or removes its card, taking keyboard focus with it; once the action has settled
 * (no longer `pending`), focus goes where the barista carries on ({@link focusAfterAction}),
 * unless it was put somewhere meanwhile. A column whose cards offer no action (ready) takes focus
 * itself, so that a keyboard can scroll it.
 */
export function QueueBoard({
  columns,
  menu,
  now,
  baristaTimeoutSeconds,
  pending,
  onAction,
}: QueueBoardProps) {
  const [cancellingId, setCancellingId] = useState<string>();
  const actedOn = useRef<ActedOn | undefined>(undefined);
  const cancelling = cancellingId
    ? [...columns.SUBMITTED, ...columns.MAKING].find((order) => order.orderId === cancellingId)
    : undefined;

  useEffect(() => {
    const acted = actedOn.current;
    if (!acted || pending[acted.orderId]) return;
    actedOn.current = undefined;
    if (focusLost()) focusElement(focusAfterAction(columns, acted))?.focus();
  }, [columns, pending]);

  const runAction = (order: Order, action: OrderAction, reason?: string) => {
    if (isQueueState(order.state)) {
      const index = columns[order.state].findIndex((candidate) => candidate.orderId === order.orderId);
      actedOn.current = { orderId: order.orderId, action, column: order.state, index };
    }
    onAction(order, action, reason);
  };

  const handleAction = (order: Order, action: OrderAction) => {
    if (action === 'cancel') setCancellingId(order.orderId);
    else runAction(order, action);
  };

  return (
    <div className="queue-board">
      {QUEUE_STATES.map((state) => {
        const orders = columns[state];
        const headingId = columnHeadingId(state);
        // Cards without buttons leave a keyboard nothing to reach in a list that scrolls.
        const scrollableByKeyboard = orders.every((order) => actionsFor(order.state).length === 0);
        return (
          <section
            key={state}
            className={`queue-column queue-column--${state.toLowerCase()}`}
            aria-labelledby={headingId}
          >
            <h2 id={headingId} className="queue-column__title" tabIndex={-1}>
              {COLUMN_TEXT[state].title} <span className="queue-column__count">({orders.length})</span>
            </h2>
            {orders.length === 0 ? (
              <p className="queue-column__empty">{COLUMN_TEXT[state].empty}</p>
            ) : (
              <ol
                className="queue-column__list"
                tabIndex={scrollableByKeyboard ? 0 : undefined}
                aria-labelledby={scrollableByKeyboard ? headingId : undefined}
              >
                {orders.map((order) => (
                  <li key={order.orderId}>
                    <OrderCard
                      order={order}
                      menu={menu}
                      now={now}
                      baristaTimeoutSeconds={baristaTimeoutSeconds}
                      pendingAction={pending[order.orderId]}
                      onAction={handleAction}
                    />
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      {cancelling && (
        <CancelDialog
          orderNumber={orderNumberLabel(cancelling)}
          pending={pending[cancelling.orderId] === 'cancel'}
          onDismiss={() => setCancellingId(undefined)}
          onConfirm={(reason) => {
            runAction(cancelling, 'cancel', reason);
            setCancellingId(undefined);
          }}
        />
      )}
    </div>
  );
}
