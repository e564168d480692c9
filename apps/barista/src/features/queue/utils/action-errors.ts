import { errorMessage, isApiError } from '@coffee/app-shared';
import { ErrorCode, type Order, OrderReason, OrderState } from '@coffee/backend/contracts';
import type { OrderAction } from './order-actions';
import { orderNumberLabel } from './order-labels';

/** Whether `error` says the action no longer fits the order: it moved on (or is gone) meanwhile. */
export function isRefusedAction(error: unknown): boolean {
  return isApiError(error, ErrorCode.InvalidTransition, ErrorCode.NotFound);
}

/** Why a timeout cancelled an order, by its `reason`, after "was cancelled: ". */
const TIMEOUT_WORDS: Record<string, string> = {
  [OrderReason.BaristaTimeout]: 'it waited too long',
  [OrderReason.CustomerTimeout]: 'the customer did not choose in time',
};

/** The reasons the backend gives when nobody said why: nothing to quote. */
const UNSPOKEN_REASONS: readonly string[] = [OrderReason.CustomerCancelled, OrderReason.BaristaCancelled];

/** What happened to a cancelled order, for the barista: by whom, and a barista's own reason quoted. */
function cancelledText(number: string, order: Order): string {
  switch (order.by) {
    case 'customer':
      return `Order ${number} was cancelled by the customer.`;
    case 'timeout':
      return `Order ${number} was cancelled: ${TIMEOUT_WORDS[order.reason ?? ''] ?? 'it timed out'}.`;
    case 'barista': {
      const said = order.reason && !UNSPOKEN_REASONS.includes(order.reason);
      return said
        ? `Order ${number} was cancelled by a barista: “${order.reason}”.`
        : `Order ${number} was cancelled by a barista.`;
    }
    default:
      return order.reason === OrderReason.OrderFailed
        ? `Order ${number} was cancelled: something went wrong with it on our side.`
        : `Order ${number} was cancelled.`;
  }
}

/**
 * What happened to an order whose `action` was refused, from `current`, the order as the server
 * has it now; `undefined` when its state does not explain the refusal.
 */
function refusalText(number: string, action: OrderAction, current: Order): string | undefined {
  switch (current.state) {
    case OrderState.Cancelled:
      return cancelledText(number, current);
    case OrderState.Ready:
      return `Order ${number} is already ready.`;
    case OrderState.Making:
      // A barista's own repeated make succeeds: a refused one means someone else holds it.
      return action === 'make'
        ? `Order ${number} was already claimed by another barista.`
        : `Order ${number} is being made by another barista.`;
    case OrderState.Submitted:
      return action === 'unmake' || action === 'complete'
        ? `Order ${number} is no longer being made: it is back in the queue.`
        : undefined;
    default:
      return undefined;
  }
}

/**
 * What to tell the barista when an action failed. A refused action (`invalid-transition`, or
 * `not-found`) means the order moved on while the tablet's view was behind: `current`, the order
 * read again after the refusal, says how (cancelled by the customer or a timeout, already ready,
 * claimed by another barista); without it the words claim nothing they do not know. Anything
 * else takes the API's message.
 */
export function actionErrorMessage(
  order: Order,
  action: OrderAction,
  error: unknown,
  current?: Order,
): string {
  const number = orderNumberLabel(order);
  if (isRefusedAction(error)) {
    const text = current && refusalText(number, action, current);
    return text ?? `Could not ${action} order ${number}: it has changed meanwhile.`;
  }
  return `Could not ${action} order ${number}. ${errorMessage(error)}`;
}
