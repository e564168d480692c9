import { type Menu, type Order, OrderState } from '@coffee/backend/contracts';
import { useState } from 'react';
import type { OrderAction } from '../utils/order-actions';
import { orderNumberLabel } from '../utils/order-labels';
import { QUEUE_STATES, type QueueColumns, type QueueState } from '../utils/queue-state';
import { CancelDialog } from './cancel-dialog';
import { OrderCard } from './order-card';

/** The heading of each column and what it says when empty. */
export const COLUMN_TEXT: Record<QueueState, { title: string; empty: string }> = {
  [OrderState.Submitted]: { title: 'New', empty: 'No new orders' },
  [OrderState.Making]: { title: 'Making', empty: 'Nothing being made' },
  [OrderState.Ready]: { title: 'Ready', empty: 'Nothing waiting for pickup' },
};

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
  const cancelling = cancellingId
    ? [...columns.SUBMITTED, ...columns.MAKING].find((order) => order.orderId === cancellingId)
    : undefined;

  const handleAction = (order: Order, action: OrderAction) => {
    if (action === 'cancel') setCancellingId(order.orderId);
    else onAction(order, action);
  };

  return (
    <div className="queue-board">
      {QUEUE_STATES.map((state) => {
        const orders = columns[state];
        const headingId = `column-${state}`;
        return (
          <section
            key={state}
            className={`queue-column queue-column--${state.toLowerCase()}`}
            aria-labelledby={headingId}
          >
            <h2 id={headingId} className="queue-column__title">
              {COLUMN_TEXT[state].title} <span className="queue-column__count">({orders.length})</span>
            </h2>
            {orders.length === 0 ? (
              <p className="queue-column__empty">{COLUMN_TEXT[state].empty}</p>
            ) : (
              <ol className="queue-column__list">
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
            onAction(cancelling, 'cancel', reason);
            setCancellingId(undefined);
          }}
        />
      )}
    </div>
  );
}
