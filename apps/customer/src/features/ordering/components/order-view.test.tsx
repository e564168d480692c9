import { ApiError } from '@coffee/app-shared';
import { createFakeApi, createFakeAuth, renderWithServices } from '@coffee/app-shared/testing';
import { EventType, type Order, type OrderDetail, shopConfigTopic } from '@coffee/backend/contracts';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG, CUSTOMER, order } from '../../../test/fixtures';
import { useOrderUpdates } from '../api/use-order-updates';
import { ENDED_VIBRATION, READY_VIBRATION } from '../hooks/use-order-alerts';
import { OrderView } from './order-view';

function LiveOrderView({ orderId }: { orderId: string }) {
  useOrderUpdates(CUSTOMER.userId);
  return <OrderView orderId={orderId} />;
}

function setup(current: OrderDetail) {
  let served = current;
  const api = createFakeApi({ getShopConfig: CONFIG, getOrder: () => served });
  const auth = createFakeAuth({ initial: CUSTOMER });
  const rendered = renderWithServices(<LiveOrderView orderId={current.orderId} />, { api, auth });
  return { ...rendered, serve: (next: OrderDetail) => (served = next) };
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

  it('says how many orders come before the customer’s in the queue', async () => {
    setup({ ...order({ state: 'SUBMITTED', orderNumber: 7 }), ahead: 2 });
    expect(await screen.findByText('2 orders before yours.')).toBeTruthy();
  });

  it('says a rejected order was never admitted, and why', async () => {
    setup(order({ state: 'REJECTED', reason: 'queue-full' }));
    expect(await screen.findByRole('heading', { name: 'Not accepted' })).toBeTruthy();
    expect(screen.getByText(/baristas were at capacity/)).toBeTruthy();
  });
});

describe('OrderView alerts', () => {
  const vibrations: number[][] = [];
  const appTitle = 'Order coffee';

  beforeEach(() => {
    vibrations.length = 0;
    document.title = appTitle;
    // jsdom has no vibration: record what the page asks of the phone.
    Object.defineProperty(navigator, 'vibrate', {
      configurable: true,
      value: (pattern: number[]) => vibrations.push(pattern) > 0,
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(navigator, 'vibrate');
  });

  /** Delivers `next` on the customer's topic as the event `type` announcing it, with `extra` detail. */
  function announce(
    deliver: (topic: string, message: unknown) => Promise<void>,
    type: EventType,
    next: Order,
    extra: object = {},
  ) {
    return deliver(`users/${CUSTOMER.userId}/orders`, {
      type,
      detail: { shopId: 'main', orderId: next.orderId, userId: CUSTOMER.userId, order: next, ...extra },
      time: next.updatedAt,
    });
  }

  it('buzzes twice and puts "ready" and the number in the title when the drink being made is ready', async () => {
    // Arrange
    const making = order({ state: 'MAKING', orderNumber: 42, drink: { drinkId: 'latte', modifiers: {} } });
    const { deliver } = setup(making);
    expect(await screen.findByRole('heading', { name: 'Being made' })).toBeTruthy();
    expect(document.title).toBe('Being made · #42 · Order coffee');
    const ready = {
      ...making,
      state: 'READY' as const,
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    };

    // Act
    await announce(deliver, EventType.OrderCompleted, ready);

    // Assert
    expect(await screen.findByRole('heading', { name: 'Ready for pickup' })).toBeTruthy();
    expect(vibrations).toEqual([READY_VIBRATION]);
    expect(document.title).toBe('Ready for pickup · #42 · Order coffee');
  });

  it('buzzes once when a barista cancels the order', async () => {
    // Arrange
    const submitted = order({ state: 'SUBMITTED', orderNumber: 7 });
    const { deliver } = setup(submitted);
    expect(await screen.findByRole('heading', { name: 'In the queue' })).toBeTruthy();
    const cancelled = {
      ...submitted,
      state: 'CANCELLED' as const,
      by: 'barista' as const,
      reason: 'Out of oat milk',
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    };

    // Act
    await announce(deliver, EventType.OrderCancelled, cancelled, { reason: cancelled.reason, by: 'barista' });

    // Assert
    expect(await screen.findByRole('heading', { name: 'Cancelled' })).toBeTruthy();
    expect(vibrations).toEqual([ENDED_VIBRATION]);
  });

  it('stays still for an order opened as it already was, and for the customer’s own cancellation', async () => {
    // Arrange
    const user = userEvent.setup();
    const opened = setup(order({ state: 'READY', orderNumber: 3 }));
    expect(await screen.findByRole('heading', { name: 'Ready for pickup' })).toBeTruthy();
    opened.unmount();
    const { api } = setup(order({ state: 'SUBMITTED', orderNumber: 4 }));
    api.on(
      'cancelOrder',
      order({ state: 'CANCELLED', orderNumber: 4, by: 'customer', reason: 'customer-cancelled' }),
    );

    // Act
    await user.click(await screen.findByRole('button', { name: 'Cancel order' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel' }));

    // Assert
    expect(await screen.findByText('You cancelled this order.')).toBeTruthy();
    expect(vibrations).toEqual([]);
  });

  it('gives the page its own title back when the customer leaves the order', async () => {
    // Arrange
    const { unmount } = setup(order({ state: 'SUBMITTED', orderNumber: 9 }));
    expect(await screen.findByRole('heading', { name: 'In the queue' })).toBeTruthy();
    expect(document.title).toBe('In the queue · #9 · Order coffee');

    // Act
    unmount();

    // Assert
    expect(document.title).toBe(appTitle);
  });
});
