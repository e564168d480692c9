import { ApiError, NETWORK_ERROR } from '@coffee/app-shared';
import { anOrder } from '@coffee/app-shared/testing';
import { type Order, OrderState } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { actionErrorMessage } from './action-errors';

const ORDER = anOrder({ orderNumber: 12 });
const refused = new ApiError('invalid-transition', 409, 'refused');
const gone = new ApiError('not-found', 404, 'not found');

const making = anOrder({ orderNumber: 12, state: OrderState.Making });
const ready = anOrder({ orderNumber: 12, state: OrderState.Ready });
const submitted = anOrder({ orderNumber: 12, state: OrderState.Submitted });
const cancelled = (by: Order['by'], reason: string) =>
  anOrder({ orderNumber: 12, state: OrderState.Cancelled, by, reason });

describe('actionErrorMessage', () => {
  it.each([
    ['make', 'being made', 'Order #12 was already claimed by another barista.', making],
    [
      'make',
      'cancelled by the customer',
      'Order #12 was cancelled by the customer.',
      cancelled('customer', 'customer-cancelled'),
    ],
    [
      'make',
      'cancelled by a timeout',
      'Order #12 was cancelled: it waited too long.',
      cancelled('timeout', 'barista-timeout'),
    ],
    [
      'make',
      'cancelled by a barista, with a reason',
      'Order #12 was cancelled by a barista: “Out of stock”.',
      cancelled('barista', 'Out of stock'),
    ],
    [
      'make',
      'cancelled by a barista',
      'Order #12 was cancelled by a barista.',
      cancelled('barista', 'barista-cancelled'),
    ],
    [
      'make',
      'given up on by the workflow after a fault',
      'Order #12 was cancelled: something went wrong with it on our side.',
      cancelled(undefined, 'order-failed'),
    ],
    ['make', 'ready', 'Order #12 is already ready.', ready],
    [
      'complete',
      'back in the queue',
      'Order #12 is no longer being made: it is back in the queue.',
      submitted,
    ],
    ['unmake', 'being made', 'Order #12 is being made by another barista.', making],
    [
      'complete',
      'cancelled by the customer',
      'Order #12 was cancelled by the customer.',
      cancelled('customer', 'customer-cancelled'),
    ],
    ['cancel', 'ready', 'Order #12 is already ready.', ready],
  ] as const)('a refused %s of an order now %s reads "%s"', (action, _, text, current) => {
    expect(actionErrorMessage(ORDER, action, refused, current)).toBe(text);
  });

  it.each([
    ['make', refused],
    ['make', gone],
    ['complete', refused],
  ] as const)(
    'a refused %s of an order that could not be read again claims nothing it does not know',
    (action, error) => {
      const text = actionErrorMessage(ORDER, action, error, undefined);
      expect(text).toBe(`Could not ${action} order #12: it has changed meanwhile.`);
      expect(text).not.toMatch(/another barista/);
    },
  );

  it('otherwise names the action and gives the API error in words', () => {
    const offline = new ApiError(NETWORK_ERROR, 0, 'no answer');
    expect(actionErrorMessage(ORDER, 'make', offline)).toBe(
      'Could not make order #12. You seem to be offline. Check your connection and try again.',
    );
  });
});
