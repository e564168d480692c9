import { ApiError } from '@coffee/app-shared';
import { createFakeApi, createFakeAuth, renderWithServices } from '@coffee/app-shared/testing';
import { EventType, type Order, shopConfigTopic } from '@coffee/backend/contracts';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CONFIG, CUSTOMER, order } from '../../../test/fixtures';
import { useOrderUpdates } from '../api/use-order-updates';
import { OrderView } from './order-view';

function LiveOrderView({ orderId }: { orderId: string }) {
  useOrderUpdates(CUSTOMER.userId);
  return <OrderView orderId={orderId} />;
}

function setup(current: Order) {
  let served = current;
  const api = createFakeApi({ getShopConfig: CONFIG, getOrder: () => served });
  const auth = createFakeAuth({ initial: CUSTOMER });
  const rendered = renderWithServices(<LiveOrderView orderId={current.orderId} />, { api, auth });
  return { ...rendered, serve: (next: Order) => (served = next) };
}

describe('OrderView while choosing', () => {
  it('shows the menu with unavailable drinks disabled, and the time left from the customer timeout', async () => {
    // Arrange
    const oneMinuteAgo = new Date(Date.now() - 60_000).toISOString();

    // Act
    setup(order({ updatedAt: oneMinuteAgo }));

    // Assert
    const latte = await screen.findByRole<HTMLInputElement>('radio', { name: 'Latte' });
    const mocha = screen.getByRole<HTMLInputElement>('radio', { name: /Mocha/ });
    expect(latte.disabled).toBe(false);
    expect(mocha.disabled).toBe(true);
    expect(mocha.closest('label')?.textContent).toContain('Unavailable');
    expect(screen.getByRole('timer').textContent).toMatch(/^(4:00|3:59) left to choose$/);
  });

  it("keeps counting down to the order's own deadline when a barista changes the shop's limit", async () => {
    // Arrange: admitted a minute ago with 5 minutes to choose, as the workflow's timer was set.
    const oneMinuteAgo = new Date(Date.now() - 60_000).toISOString();
    const admitted = { ...order({ updatedAt: oneMinuteAgo }), chooseSeconds: 300 };
    const { deliver } = setup(admitted);
    expect((await screen.findByRole('timer')).textContent).toMatch(/^(4:00|3:59) left to choose$/);
    const shortened = { ...CONFIG, limits: { ...CONFIG.limits, customerTimeoutSeconds: 90 } };

    // Act
    await deliver(shopConfigTopic('main'), {
      type: EventType.ConfigChanged,
      detail: { shopId: 'main', changes: ['limits'], config: shortened },
      time: new Date().toISOString(),
    });

    // The query cache tells its observers on the next tick: let the page render the new limits.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    // Assert: the workflow still waits the 5 minutes it started with.
    expect(screen.getByRole('timer').textContent).toMatch(/^(4:00|3:59|3:58) left to choose$/);
  });

  it('sends the drink with its modifiers, retrying a not-ready answer after its Retry-After', async () => {
    // Arrange
    const user = userEvent.setup();
    const { api } = setup(order());
    let attempts = 0;
    api.on('submitDrink', (input) => {
      attempts += 1;
      if (attempts === 1) throw new ApiError('not-ready', 409, 'Not yet', 0.01);
      return order({ state: 'SUBMITTED', drink: input.body });
    });

    // Act
    await user.click(await screen.findByRole('radio', { name: 'Latte' }));
    await user.click(screen.getByRole('radio', { name: 'Oat' }));
    await user.click(screen.getByRole('button', { name: 'Order Latte' }));

    // Assert
    expect(await screen.findByRole('heading', { name: 'In the queue' })).toBeTruthy();
    expect(attempts).toBe(2);
    expect(api.calls.filter((call) => call.name === 'submitDrink').at(-1)?.input.body).toEqual({
      drinkId: 'latte',
      modifiers: { milk: 'Oat', size: 'Regular' },
    });
  });

  it('says a drink has just become unavailable, and re-reads the menu', async () => {
    // Arrange
    const user = userEvent.setup();
    const { api } = setup(order());
    api.on('submitDrink', () => {
      throw new ApiError('drink-unavailable', 409, 'Unavailable');
    });

    // Act
    await user.click(await screen.findByRole('radio', { name: 'Espresso' }));
    await user.click(screen.getByRole('button', { name: 'Order Espresso' }));

    // Assert
    expect((await screen.findByRole('alert')).textContent).toMatch(/just become unavailable/);
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'getShopConfig').length).toBe(2));
  });
});

describe('OrderView live', () => {
  it('follows the order from its messages: being made, then ready with the number', async () => {
    // Arrange
    const submitted = order({
      state: 'SUBMITTED',
      orderNumber: 42,
      drink: { drinkId: 'latte', modifiers: {} },
    });
    const { deliver } = setup(submitted);
    expect((await screen.findByText('42')).textContent).toBe('42');
    const making = {
      ...submitted,
      state: 'MAKING' as const,
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    };

    // Act
    await deliver(`users/${CUSTOMER.userId}/orders`, {
      type: EventType.MakeOrder,
      detail: { shopId: 'main', orderId: submitted.orderId, userId: CUSTOMER.userId, order: making },
      time: making.updatedAt,
    });

    // Assert
    expect(await screen.findByRole('heading', { name: 'Being made' })).toBeTruthy();
    expect(screen.getByRole('listitem', { current: 'step' }).textContent).toBe('Being made');
  });

  it('re-fetches the order when a workflow message only names it: admitted, then timed out with the reason', async () => {
    // Arrange
    const pending = order({ state: 'PENDING' });
    const { deliver, serve } = setup(pending);
    expect(await screen.findByRole('heading', { name: 'Checking the queue…' })).toBeTruthy();
    const ref = { shopId: 'main', orderId: pending.orderId, userId: CUSTOMER.userId };

    // Act
    serve(order({ state: 'CANCELLED', by: 'timeout', reason: 'customer-timeout' }));
    await deliver(`users/${CUSTOMER.userId}/orders`, {
      type: EventType.OrderTimedOut,
      detail: { ...ref, cause: 'customer-timeout' },
      time: new Date().toISOString(),
    });

    // Assert
    expect(await screen.findByRole('heading', { name: 'Cancelled' })).toBeTruthy();
    expect(screen.getByText('Time ran out before a drink was chosen.')).toBeTruthy();
  });

  it('cancels after a second tap, and shows the order cancelled', async () => {
    // Arrange
    const user = userEvent.setup();
    const { api } = setup(order({ state: 'SUBMITTED', orderNumber: 7 }));
    api.on('cancelOrder', order({ state: 'CANCELLED', by: 'customer', reason: 'customer-cancelled' }));

    // Act
    await user.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const callsBeforeConfirming = api.calls.filter((call) => call.name === 'cancelOrder').length;
    await user.click(screen.getByRole('button', { name: 'Yes, cancel' }));

    // Assert
    expect(callsBeforeConfirming).toBe(0);
    expect(await screen.findByText('You cancelled this order.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });

  it('says a rejected order was never admitted, and why', async () => {
    setup(order({ state: 'REJECTED', reason: 'queue-full' }));
    expect(await screen.findByRole('heading', { name: 'Not accepted' })).toBeTruthy();
    expect(screen.getByText(/baristas were at capacity/)).toBeTruthy();
  });
});
