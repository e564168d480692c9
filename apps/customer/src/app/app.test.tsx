import { ApiError } from '@coffee/app-shared';
import { createFakeApi, createFakeAuth, FAKE_CODE, renderWithServices } from '@coffee/app-shared/testing';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG, CUSTOMER, order } from '../test/fixtures';
import { App } from './app';

const QR_URL = '/order?shop=main&token=qr-token-1';

function open(url: string) {
  window.history.replaceState(null, '', url);
}

beforeEach(() => sessionStorage.clear());
afterEach(() => open('/order'));

describe('App from the QR code', () => {
  it('asks to sign in, then posts the token once with an Idempotency-Key and shows the order', async () => {
    // Arrange
    open(QR_URL);
    const user = userEvent.setup();
    const api = createFakeApi({
      getShopConfig: CONFIG,
      placeOrder: { orderId: 'order-1', state: 'PENDING' },
      getOrder: order(),
      listMyOrders: { orders: [] },
    });

    // Act
    renderWithServices(<App />, { api });
    await user.type(await screen.findByLabelText('Email'), CUSTOMER.username);
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));
    await user.type(await screen.findByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect(await screen.findByRole('heading', { name: 'Choose your drink' })).toBeTruthy();
    const posts = api.calls.filter((call) => call.name === 'placeOrder');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.input).toMatchObject({ params: { shopId: 'main' }, body: { token: 'qr-token-1' } });
    expect(posts[0]?.input.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(window.location.search).toBe('?order=order-1');
  });

  it.each([
    ['token-used-up', 'This QR code has been used up'],
    ['token-expired', 'This QR code has expired'],
    ['shop-closed', 'The coffee bar is closed'],
    ['queue-full', 'The baristas are at capacity'],
    ['limit-reached', 'today’s drink limit'],
  ] as const)('explains a %s refusal', async (code, words) => {
    // Arrange
    open(QR_URL);
    const api = createFakeApi({
      getShopConfig: CONFIG,
      placeOrder: () => {
        throw new ApiError(code, 409, 'Refused');
      },
    });

    // Act
    renderWithServices(<App />, { api, auth: createFakeAuth({ initial: CUSTOMER }) });

    // Assert
    expect((await screen.findByRole('alert')).textContent).toContain(words);
    expect(screen.getByRole('heading', { name: 'We could not take this order' })).toBeTruthy();
  });

  it('offers the open order when one is already open', async () => {
    // Arrange
    open(QR_URL);
    const user = userEvent.setup();
    const api = createFakeApi({
      getShopConfig: CONFIG,
      placeOrder: () => {
        throw new ApiError('order-open', 409, 'Open');
      },
      listMyOrders: { orders: [order({ orderId: 'order-9', state: 'SUBMITTED', orderNumber: 9 })] },
      getOrder: order({ orderId: 'order-9', state: 'SUBMITTED', orderNumber: 9 }),
    });
    renderWithServices(<App />, { api, auth: createFakeAuth({ initial: CUSTOMER }) });

    // Act
    await user.click(await screen.findByRole('button', { name: 'Go to your open order' }));

    // Assert
    expect(await screen.findByRole('heading', { name: 'In the queue' })).toBeTruthy();
    expect(window.location.search).toBe('?order=order-9');
  });

  it('reuses the Idempotency-Key when the same token is posted again (a reload)', async () => {
    // Arrange
    open(QR_URL);
    const api = createFakeApi({
      getShopConfig: CONFIG,
      placeOrder: () => {
        throw new ApiError('network', 0, 'Offline');
      },
    });
    const user = userEvent.setup();
    renderWithServices(<App />, { api, auth: createFakeAuth({ initial: CUSTOMER }) });

    // Act
    await user.click(await screen.findByRole('button', { name: 'Try again' }));

    // Assert
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'placeOrder')).toHaveLength(2));
    const [first, second] = api.calls.filter((call) => call.name === 'placeOrder');
    expect(second?.input.idempotencyKey).toBe(first?.input.idempotencyKey);
  });

  it('posts a later scan of the same code with a new Idempotency-Key once the first had its answer', async () => {
    // Arrange: the first scan is refused (an order still open)
    open(QR_URL);
    const api = createFakeApi({
      getShopConfig: CONFIG,
      placeOrder: () => {
        throw new ApiError('order-open', 409, 'You already have an open order.');
      },
    });
    const first = renderWithServices(<App />, { api, auth: createFakeAuth({ initial: CUSTOMER }) });
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'placeOrder')).toHaveLength(1));
    first.unmount();

    // Act: the same code scanned again later
    open(QR_URL);
    renderWithServices(<App />, { api, auth: createFakeAuth({ initial: CUSTOMER }) });

    // Assert
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'placeOrder')).toHaveLength(2));
    const [earlier, later] = api.calls.filter((call) => call.name === 'placeOrder');
    expect(later?.input.idempotencyKey).not.toBe(earlier?.input.idempotencyKey);
  });
});

describe('App home', () => {
  it("lists the customer's orders newest first and opens one", async () => {
    // Arrange
    open('/order');
    const user = userEvent.setup();
    const ready = order({
      orderId: 'o2',
      state: 'READY',
      orderNumber: 12,
      drink: { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } },
    });
    const api = createFakeApi({
      getShopConfig: CONFIG,
      listMyOrders: {
        orders: [ready, order({ orderId: 'o1', state: 'CANCELLED', reason: 'customer-timeout' })],
      },
      getOrder: ready,
    });
    renderWithServices(<App />, { api, auth: createFakeAuth({ initial: CUSTOMER }) });

    // Act
    const rows = await screen.findAllByRole('button', { name: /Latte|No drink chosen/ });
    await user.click(rows[0] as HTMLElement);

    // Assert
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('#12 Latte · Oat · LargeReady for pickup'),
      expect.stringContaining('No drink chosenCancelled'),
    ]);
    expect(await screen.findByRole('heading', { name: 'Ready for pickup' })).toBeTruthy();
  });

  it('says the shop is closed', async () => {
    open('/order');
    const api = createFakeApi({ getShopConfig: { ...CONFIG, open: false }, listMyOrders: { orders: [] } });
    renderWithServices(<App />, { api, auth: createFakeAuth({ initial: CUSTOMER }) });
    expect((await screen.findByText('Coffee bar is closed right now.')).textContent).toBeTruthy();
  });
});

describe('App sign-out', () => {
  it('forgets the order on sign-out, so that the next customer on the phone starts at home', async () => {
    // Arrange
    open('/order?order=order-9');
    const user = userEvent.setup();
    const auth = createFakeAuth({ initial: CUSTOMER });
    const api = createFakeApi({
      getShopConfig: CONFIG,
      // As the API answers: the order to its customer, not-found to anyone else.
      getOrder: async () => {
        if ((await auth.current())?.userId === CUSTOMER.userId) {
          return order({ orderId: 'order-9', state: 'SUBMITTED', orderNumber: 9 });
        }
        throw new ApiError('not-found', 404, 'Not found');
      },
      listMyOrders: { orders: [] },
    });
    renderWithServices(<App />, { api, auth });
    await screen.findByRole('heading', { name: 'In the queue' });

    // Act
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.type(await screen.findByLabelText('Email'), 'bob@example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));
    await user.type(await screen.findByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect(await screen.findByRole('heading', { name: 'Your orders' })).toBeTruthy();
    expect(window.location.search).toBe('');
    expect(screen.queryByText('We could not find that order.')).toBeNull();
  });

  it('forgets the order when the customer signs out in another tab', async () => {
    // Arrange
    open('/order?order=order-9');
    const auth = createFakeAuth({ initial: CUSTOMER });
    const api = createFakeApi({
      getShopConfig: CONFIG,
      getOrder: order({ orderId: 'order-9', state: 'SUBMITTED', orderNumber: 9 }),
    });
    renderWithServices(<App />, { api, auth });
    await screen.findByRole('heading', { name: 'In the queue' });

    // Act: what this tab hears of the other tab's sign-out (Amplify's cross-tab auth event)
    act(() => auth.set(undefined));

    // Assert
    expect(await screen.findByLabelText('Email')).toBeTruthy();
    expect(window.location.search).toBe('');
  });

  it('keeps an order link opened before signing in', async () => {
    // Arrange
    open('/order?order=order-9');
    const user = userEvent.setup();
    const api = createFakeApi({
      getShopConfig: CONFIG,
      getOrder: order({ orderId: 'order-9', state: 'SUBMITTED', orderNumber: 9 }),
    });
    renderWithServices(<App />, { api });

    // Act
    await user.type(await screen.findByLabelText('Email'), CUSTOMER.username);
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));
    await user.type(await screen.findByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect(await screen.findByRole('heading', { name: 'In the queue' })).toBeTruthy();
    expect(window.location.search).toBe('?order=order-9');
  });
});
