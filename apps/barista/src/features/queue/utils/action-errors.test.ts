import { ApiError, NETWORK_ERROR } from '@coffee/app-shared';
import { anOrder } from '@coffee/app-shared/testing';
import { describe, expect, it } from 'vitest';
import { actionErrorMessage } from './action-errors';

const ORDER = anOrder({ orderNumber: 12 });
const refused = new ApiError('invalid-transition', 409, 'refused');

describe('actionErrorMessage', () => {
  it.each([
    ['make', 'Order #12 was already claimed by another barista.'],
    ['complete', 'Order #12 is no longer being made: another barista changed it.'],
    ['unmake', 'Order #12 is no longer being made: another barista changed it.'],
    ['cancel', 'Order #12 can no longer be cancelled: it has moved on.'],
  ] as const)('a refused %s reads "%s"', (action, text) => {
    expect(actionErrorMessage(ORDER, action, refused)).toBe(text);
  });

  it('otherwise names the action and gives the API error in words', () => {
    const offline = new ApiError(NETWORK_ERROR, 0, 'no answer');
    expect(actionErrorMessage(ORDER, 'make', offline)).toBe(
      'Could not make order #12. You seem to be offline. Check your connection and try again.',
    );
  });
});
