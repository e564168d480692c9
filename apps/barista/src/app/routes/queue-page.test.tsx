import { ApiError } from '@coffee/app-shared';
import {
  anOrder,
  createFakeApi,
  createFakeAuth,
  type FakeApi,
  orderMessage,
  ordersByState,
  renderWithServices,
  SHOP,
  staffIdentity,
} from '@coffee/app-shared/testing';
import {
  EventType,
  type Order,
  OrderState,
  Role,
  type RouteName,
  shopConfigTopic,
  shopQueueTopic,
} from '@coffee/backend/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QueuePage } from './queue-page';

const now = () => new Date().toISOString();
const recent = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();

function setup(orders: Order[], routes: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi({
    getShopConfig: SHOP,
    listShopOrders: ordersByState(orders),
    ...routes,
  });
  const services = renderWithServices(<QueuePage shopId="main" />, {
    api,
    auth: createFakeAuth({ initial: staffIdentity(Role.Barista) }),
  });
  return { ...services, user: userEvent.setup() };
}

const callsOf = (api: FakeApi, name: RouteName) => api.calls.filter((call) => call.name === name);
const column = (name: RegExp) => screen.getByRole('region', { name });
const SUBMITTED = anOrder({ orderId: 'a', orderNumber: 7, createdAt: recent(30), updatedAt: recent(20) });

describe('QueuePage', () => {
  it('lists new, making and ready orders from the API', async () => {
    const { api } = setup([
      SUBMITTED,
      anOrder({
        orderId: 'b',
        orderNumber: 8,
        state: OrderState.Making,
        createdAt: recent(40),
        updatedAt: recent(5),
      }),
    ]);
    expect(await within(column(/^New/)).findByRole('article', { name: 'Order #7' })).toBeTruthy();
    expect(within(column(/^Making/)).getByRole('article', { name: 'Order #8' })).toBeTruthy();
    const states = callsOf(api, 'listShopOrders').map(
      (call) => (call.input.query as { state?: string } | undefined)?.state,
    );
    expect(states.sort()).toEqual(['MAKING', 'READY', 'SUBMITTED']);
  });

  it('moves an order another barista claims out of the new column, live', async () => {
    const { deliver } = setup([SUBMITTED]);
    await within(column(/^New/)).findByRole('article', { name: 'Order #7' });
    await deliver(
      shopQueueTopic('main'),
      orderMessage(EventType.MakeOrder, { ...SUBMITTED, state: OrderState.Making, updatedAt: now() }),
    );
    expect(await within(column(/^Making/)).findByRole('article', { name: 'Order #7' })).toBeTruthy();
    expect(within(column(/^New/)).queryByRole('article')).toBeNull();
  });

  it('adds a newly submitted order live', async () => {
    const orders: Order[] = [];
    const { deliver } = setup(orders);
    await screen.findByText('No new orders');
    // As on the server, the order exists by the time its event is published: a listing fetched
    // on a reconnect around the event includes it.
    orders.push(SUBMITTED);
    await deliver(shopQueueTopic('main'), orderMessage(EventType.OrderSubmitted, SUBMITTED));
    expect(await within(column(/^New/)).findByRole('article', { name: 'Order #7' })).toBeTruthy();
  });

  it('makes an order and moves it with the answer', async () => {
    const { api, user } = setup([SUBMITTED], {
      makeOrder: () => ({ ...SUBMITTED, state: OrderState.Making, updatedAt: now() }),
    });
    await user.click(await screen.findByRole('button', { name: 'Make order #7' }));
    expect(callsOf(api, 'makeOrder').map((call) => call.input.params)).toEqual([{ orderId: 'a' }]);
    await waitFor(() =>
      expect(within(column(/^Making/)).getByRole('article', { name: 'Order #7' })).toBeTruthy(),
    );
  });

  it('says so when another barista claimed the order first', async () => {
    const { user } = setup([SUBMITTED], {
      makeOrder: () => {
        throw new ApiError('invalid-transition', 409, 'Order is MAKING');
      },
      getOrder: { ...SUBMITTED, state: OrderState.Making, updatedAt: now() },
    });
    await user.click(await screen.findByRole('button', { name: 'Make order #7' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Order #7 was already claimed by another barista.',
    );
  });

  it('says the customer cancelled the order when a make is refused for that, and drops its card', async () => {
    // The tablet missed the cancellation: its live updates were behind.
    const orders = [SUBMITTED];
    const cancelled: Order = {
      ...SUBMITTED,
      state: OrderState.Cancelled,
      by: 'customer',
      reason: 'customer-cancelled',
      updatedAt: now(),
    };
    const { api, user } = setup(orders, {
      makeOrder: () => {
        orders.splice(0, 1, cancelled);
        throw new ApiError('invalid-transition', 409, 'Order is CANCELLED');
      },
      getOrder: () => cancelled,
    });
    await user.click(await screen.findByRole('button', { name: 'Make order #7' }));
    const alert = (await screen.findByRole('alert')).textContent;
    expect(alert).toContain('Order #7 was cancelled by the customer.');
    expect(alert).not.toContain('another barista');
    expect(callsOf(api, 'getOrder').map((call) => call.input.params)).toEqual([{ orderId: 'a' }]);
    await waitFor(() => expect(within(column(/^New/)).queryByRole('article')).toBeNull());
  });

  it('cancels with the reason once confirmed', async () => {
    const { api, user } = setup([SUBMITTED], {
      cancelOrder: () => ({
        ...SUBMITTED,
        state: OrderState.Cancelled,
        updatedAt: now(),
        reason: 'Out of stock',
        by: 'barista',
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel order #7' }));
    await user.click(screen.getByRole('button', { name: 'Out of stock' }));
    await user.click(screen.getByRole('button', { name: 'Cancel order' }));
    expect(callsOf(api, 'cancelOrder').map((call) => call.input)).toEqual([
      expect.objectContaining({ params: { orderId: 'a' }, body: { reason: 'Out of stock' } }),
    ]);
    await waitFor(() => expect(within(column(/^New/)).queryByRole('article')).toBeNull());
  });

  it('fetches the queue again after a reconnection, so nothing missed stays missing', async () => {
    const orders = [SUBMITTED];
    const { api, realtime } = setup(orders);
    await within(column(/^New/)).findByRole('article', { name: 'Order #7' });
    await waitFor(() => expect(realtime().topics).toContain(shopQueueTopic('main')));
    const before = callsOf(api, 'listShopOrders').length;
    act(() => realtime().setStatus('offline'));
    orders.push(anOrder({ orderId: 'missed', orderNumber: 9, createdAt: recent(10), updatedAt: recent(10) }));
    act(() => realtime().setStatus('online'));
    await waitFor(() => expect(callsOf(api, 'listShopOrders').length).toBe(before + 3));
    expect(await within(column(/^New/)).findByRole('article', { name: 'Order #9' })).toBeTruthy();
  });

  it('closes the shop and follows config changes made elsewhere', async () => {
    const { api, deliver, user } = setup([], { setShopOpen: ({ body }) => ({ ...SHOP, open: body.open }) });
    const toggle = await screen.findByRole('switch', { name: 'Shop open' });
    await user.click(toggle);
    expect(callsOf(api, 'setShopOpen').map((call) => call.input.body)).toEqual([{ open: false }]);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(screen.getByText(/The shop is closed/)).toBeTruthy();
    await deliver(shopConfigTopic('main'), {
      type: EventType.ConfigChanged,
      detail: { shopId: 'main', changes: ['open'], config: { ...SHOP, open: true } },
      time: now(),
    });
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
  });

  it('marks a drink unavailable', async () => {
    const { api, user } = setup([], {
      setDrinkAvailability: ({ params, body }) => ({
        ...SHOP,
        menu: SHOP.menu.map((drink) =>
          drink.id === params.drinkId ? { ...drink, available: body.available } : drink,
        ),
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Drinks' }));
    const mocha = screen.getByRole('switch', { name: 'Mocha' });
    await user.click(mocha);
    expect(callsOf(api, 'setDrinkAvailability').map((call) => call.input)).toEqual([
      expect.objectContaining({ params: { shopId: 'main', drinkId: 'mocha' }, body: { available: false } }),
    ]);
    await waitFor(() => expect(mocha.getAttribute('aria-checked')).toBe('false'));
  });

  it('keeps keyboard focus after a make: on the order, now to complete', async () => {
    const { user } = setup([SUBMITTED], {
      makeOrder: () => ({ ...SUBMITTED, state: OrderState.Making, updatedAt: now() }),
    });
    (await screen.findByRole('button', { name: 'Make order #7' })).focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Complete order #7' })),
    );
  });
});

describe('QueuePage limits', () => {
  /** The `updateLimits` route of the fake API, answering the config with `body` applied. */
  const acceptLimits: Parameters<typeof setup>[1] = {
    updateLimits: ({ body }) => ({ ...SHOP, limits: { ...SHOP.limits, ...body } }),
  };

  async function openLimits(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByRole('button', { name: 'Limits' }));
    return screen.getByRole('region', { name: 'Limits' });
  }

  const field = (panel: HTMLElement, label: string) =>
    within(panel).getByLabelText(label) as HTMLInputElement;
  const unit = (panel: HTMLElement, label: string) =>
    within(panel).getByRole('combobox', { name: `${label}, unit` }) as HTMLSelectElement;

  it("shows the shop's limits in a barista's words, behind a toolbar button", async () => {
    const { user } = setup([]);
    const toggle = await screen.findByRole('button', { name: 'Limits' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const panel = await openLimits(user);
    expect(screen.getByRole('button', { name: 'Hide limits' }).getAttribute('aria-expanded')).toBe('true');
    expect(field(panel, 'Drinks per QR code').value).toBe('10');
    expect(field(panel, 'QR code lasts').value).toBe('5');
    expect(unit(panel, 'QR code lasts').value).toBe('minutes');
    expect(field(panel, 'Open orders the queue takes').value).toBe('20');
    expect(field(panel, 'Orders per customer per day').value).toBe('5');
    expect(field(panel, 'Time to choose a drink').value).toBe('5');
    expect(field(panel, 'Time to make an order').value).toBe('15');
    expect(unit(panel, 'Time to make an order').value).toBe('minutes');
    expect(within(panel).getByText(/From 10 seconds to 4 hours\./)).toBeTruthy();
  });

  it('sends only the limits changed, from the keyboard, and shows the saved values', async () => {
    const { api, user } = setup([], acceptLimits);
    const panel = await openLimits(user);
    await user.clear(field(panel, 'Open orders the queue takes'));
    await user.type(field(panel, 'Open orders the queue takes'), '30');
    await user.clear(field(panel, 'QR code lasts'));
    await user.type(field(panel, 'QR code lasts'), '90');
    await user.selectOptions(unit(panel, 'QR code lasts'), 'seconds');
    await user.clear(field(panel, 'Orders per customer per day'));
    await user.type(field(panel, 'Orders per customer per day'), '5{Enter}');

    expect(callsOf(api, 'updateLimits').map((call) => call.input)).toEqual([
      expect.objectContaining({ params: { shopId: 'main' }, body: { capacity: 30, codeSeconds: 90 } }),
    ]);
    expect((await within(panel).findByRole('status')).textContent).toBe('Limits saved.');
    expect(field(panel, 'Open orders the queue takes').value).toBe('30');
    expect(field(panel, 'QR code lasts').value).toBe('90');
    expect(unit(panel, 'QR code lasts').value).toBe('seconds');
  });

  it('checks each limit against its bounds before sending, saying what is wrong beside it', async () => {
    const { api, user } = setup([], acceptLimits);
    const panel = await openLimits(user);
    await user.clear(field(panel, 'Drinks per QR code'));
    await user.type(field(panel, 'Drinks per QR code'), '0');
    await user.clear(field(panel, 'Time to make an order'));
    await user.type(field(panel, 'Time to make an order'), '300');
    await user.click(within(panel).getByRole('button', { name: 'Save limits' }));

    const drinks = field(panel, 'Drinks per QR code');
    expect(document.activeElement).toBe(drinks);
    expect(drinks.getAttribute('aria-invalid')).toBe('true');
    expect(drinks.getAttribute('aria-describedby')).toMatch(/error/);
    expect(within(panel).getByText('Enter a whole number from 1 to 5000.')).toBeTruthy();
    expect(within(panel).getByText('Enter a time from 10 seconds to 4 hours.')).toBeTruthy();
    expect(field(panel, 'Open orders the queue takes').getAttribute('aria-invalid')).toBeNull();
    expect(callsOf(api, 'updateLimits')).toEqual([]);
  });

  it("shows the API's message when the limits are refused, and keeps what was typed", async () => {
    const { user } = setup([], {
      updateLimits: () => {
        throw new ApiError('invalid-request', 400, 'The limits is not valid: capacity is too large.');
      },
    });
    const panel = await openLimits(user);
    await user.clear(field(panel, 'Open orders the queue takes'));
    await user.type(field(panel, 'Open orders the queue takes'), '40');
    await user.click(within(panel).getByRole('button', { name: 'Save limits' }));

    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'The limits were not saved. The limits is not valid: capacity is too large.',
    );
    expect(field(panel, 'Open orders the queue takes').value).toBe('40');
  });

  it('says so when nothing changed, without sending', async () => {
    const { api, user } = setup([], acceptLimits);
    const panel = await openLimits(user);
    await user.click(within(panel).getByRole('button', { name: 'Save limits' }));
    expect(within(panel).getByRole('status').textContent).toBe('Nothing changed.');
    expect(callsOf(api, 'updateLimits')).toEqual([]);
  });

  it('follows limits changed on another tablet', async () => {
    const { deliver, user } = setup([]);
    const panel = await openLimits(user);
    await deliver(shopConfigTopic('main'), {
      type: EventType.ConfigChanged,
      detail: {
        shopId: 'main',
        changes: ['limits'],
        config: { ...SHOP, limits: { ...SHOP.limits, dailyLimit: 2, customerTimeoutSeconds: 45 } },
      },
      time: now(),
    });
    await waitFor(() => expect(field(panel, 'Orders per customer per day').value).toBe('2'));
    expect(field(panel, 'Time to choose a drink').value).toBe('45');
    expect(unit(panel, 'Time to choose a drink').value).toBe('seconds');
  });
});
