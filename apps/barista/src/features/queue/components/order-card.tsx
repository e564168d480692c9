import { type Menu, type Order, OrderState } from '@coffee/backend/contracts';
import { ageSince } from '../utils/age';
import { ACTION_LABEL, actionsFor, type OrderAction } from '../utils/order-actions';
import { customerLabel, drinkSummary, orderNumberLabel } from '../utils/order-labels';
import { AgeTimer } from './age-timer';

/** The id of an order's action button, so that focus can be put on it once an action settles. */
export function actionButtonId(orderId: string, action: OrderAction): string {
  return `order-${orderId}-${action}`;
}

/** Props of {@link OrderCard}. */
export interface OrderCardProps {
  order: Order;
  menu: Menu | undefined;
  now: number;
  baristaTimeoutSeconds: number;
  /** The action being sent for this order, if any: its buttons are disabled meanwhile. */
  pendingAction?: OrderAction | undefined;
  onAction: (order: Order, action: OrderAction) => void;
}

/**
 * One order in the queue: number, drink with its options, customer, age, and the actions its
 * state allows as large touch targets. Named by its number, so "Make order #12" reads well.
 */
export function OrderCard({
  order,
  menu,
  now,
  baristaTimeoutSeconds,
  pendingAction,
  onAction,
}: OrderCardProps) {
  const drink = drinkSummary(order, menu);
  const number = orderNumberLabel(order);
  const headingId = `order-${order.orderId}-heading`;
  const actions = actionsFor(order.state);
  return (
    <article className="order-card" aria-labelledby={headingId} aria-busy={pendingAction !== undefined}>
      <header className="order-card__header">
        <h3 id={headingId} className="order-card__number">
          <span className="visually-hidden">Order </span>
          {number}
        </h3>
        <AgeTimer
          since={ageSince(order)}
          now={now}
          baristaTimeoutSeconds={baristaTimeoutSeconds}
          ready={order.state === OrderState.Ready}
        />
      </header>
      <p className="order-card__drink">
        <span aria-hidden="true" className="order-card__icon">
          {drink?.icon ?? '☕'}
        </span>{' '}
        {drink?.name ?? 'Drink not chosen'}
      </p>
      <p className="order-card__options">
        {drink && drink.options.length > 0 ? drink.options.join(' · ') : ' '}
      </p>
      <p className="order-card__customer">
        <span className="visually-hidden">For </span>
        {customerLabel(order)}
      </p>
      {actions.length > 0 && (
        <div className="order-card__actions">
          {actions.map((action) => (
            <button
              key={action}
              id={actionButtonId(order.orderId, action)}
              type="button"
              className={`button button--${action}`}
              disabled={pendingAction !== undefined}
              aria-label={`${ACTION_LABEL[action]} order ${number}`}
              onClick={() => onAction(order, action)}
            >
              {pendingAction === action ? `${ACTION_LABEL[action]}…` : ACTION_LABEL[action]}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}
