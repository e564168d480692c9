import { errorMessage, isApiError } from '@coffee/app-shared';
import { ErrorCode, type Order } from '@coffee/backend/contracts';
import type { OrderAction } from './order-actions';
import { orderNumberLabel } from './order-labels';

/**
 * What to tell the barista when an action failed: a refused transition usually means another
 * barista got there first, which deserves plain words; anything else takes the API's message.
 */
export function actionErrorMessage(order: Order, action: OrderAction, error: unknown): string {
  const number = orderNumberLabel(order);
  if (isApiError(error, ErrorCode.InvalidTransition, ErrorCode.NotFound)) {
    switch (action) {
      case 'make':
        return `Order ${number} was already claimed by another barista.`;
      case 'unmake':
      case 'complete':
        return `Order ${number} is no longer being made: another barista changed it.`;
      case 'cancel':
        return `Order ${number} can no longer be cancelled: it has moved on.`;
    }
  }
  return `Could not ${action} order ${number}. ${errorMessage(error)}`;
}
