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
  OrderState,
  type QrCodeResponse,
  Role,
  type RouteName,
  shopConfigTopic,
  shopQueueTopic,
} from '@coffee/backend/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DisplayPage } from './display-page';

const iso = (offsetSeconds: number) => new Date(Date.now() + offsetSeconds * 1000).toISOString();

function aCode(token: string, remaining: number, expiresInSeconds = 240): QrCodeResponse {
  return {
    token,
    url: `http://127.0.0.1:3000/order?shop=main&token=${token}`,
    expiresAt: iso(expiresInSeconds),
    remaining,
  };
}

const MAKING = anOrder({ orderId: 'm', orderNumber: 21, state: OrderState.Making, updatedAt: iso(-30) });
const READY = anOrder({ orderId: 'r', orderNumber: 20, state: OrderState.Ready, updatedAt: iso(-60) });

function setup(routes: Parameters<typeof createFakeApi>[0] = {}) {
  const orders = [MAKING, READY];
  const api = createFakeApi({
    getShopConfig: SHOP,
    getQrCode: () => aCode('t1', 8),
    listShopOrders: ordersByState(orders),
    ...routes,
  });
  const services = renderWithServices(<DisplayPage shopId="main" />, {
    api,
    auth: createFakeAuth({ initial: staffIdentity(Role.Display) }),
  });
  return { ...services, orders };
}

const callsOf = (api: FakeApi, name: RouteName) => api.calls.filter((call) => call.name === name).length;
const tiles = (name: string) =>
  within(screen.getByRole('region', { name }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);
const qrImage = () => screen.findByRole('img', { name: /QR code/ });
const drinksLeft = () => screen.getByText(/left on this code/).textContent;

describe('DisplayPage', () => {
  it('shows the current code and the orders being made and ready', async () => {
    setup();
    expect((await qrImage()).getAttribute('data-url')).toBe('http://127.0.0.1:3000/order?shop=main&token=t1');
    expect(drinksLeft()).toBe('8 drinks left on this code');
    await waitFor(() => expect(tiles('Being made')).toEqual(['21']));
    expect(tiles('Ready for pickup')).toEqual(['20']);
  });

  it('counts a drink down as soon as a customer takes one, then asks for the exact count', async () => {
    const { api, deliver } = setup();
    await qrImage();
    expect(callsOf(api, 'getQrCode')).toBe(1);
    await deliver(shopQueueTopic('main'), {
      type: EventType.NewOrder,
      detail: { shopId: 'main', orderId: 'new', userId: 'u1' },
      time: iso(0),
    });
    await waitFor(() => expect(drinksLeft()).toBe('7 drinks left on this code'));
    await waitFor(() => expect(callsOf(api, 'getQrCode')).toBe(2), { timeout: 3000 });
  });

  const late = { shopId: 'main', orderId: 'late', userId: 'u1' };
  it.each([
    { ended: 'rejected, the queue full', message: { type: EventType.CapacityFull, detail: late } },
    { ended: 'rejected, the shop closed', message: { type: EventType.ShopUnavailable, detail: late } },
    {
      ended: 'cancelled (the workflow gave up on it before admitting it)',
      message: { type: EventType.OrderFinished, detail: { ...late, state: OrderState.Cancelled } },
    },
  ] as const)(
    'asks for the exact count when an order ended $ended: its drink may have gone back to the code',
    async ({ message }) => {
      let remaining = 0;
      const { deliver } = setup({ getQrCode: () => aCode('t1', remaining) });
      expect(await screen.findByText(/New orders open at/)).toBeTruthy();
      remaining = 1;
      await deliver(shopQueueTopic('main'), { ...message, time: iso(0) });
      await waitFor(() => expect(drinksLeft()).toBe('1 drink left on this code'), { timeout: 3000 });
    },
  );

  it('shows the new drink count at once when a barista changes the drinks per code', async () => {
    let drinksPerCode = 8;
    const { deliver } = setup({ getQrCode: () => aCode('t1', drinksPerCode) });
    await qrImage();
    expect(drinksLeft()).toBe('8 drinks left on this code');
    drinksPerCode = 3;
    await deliver(shopConfigTopic('main'), {
      type: EventType.ConfigChanged,
      detail: {
        shopId: 'main',
        changes: ['limits'],
        config: { ...SHOP, limits: { ...SHOP.limits, drinksPerCode } },
      },
      time: iso(0),
    });
    await waitFor(() => expect(drinksLeft()).toBe('3 drinks left on this code'));
  });

  it('hides a used-up code and shows when new orders open', async () => {
    setup({ getQrCode: () => aCode('t1', 0) });
    expect(await screen.findByText(/New orders open at/)).toBeTruthy();
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
  });

  it('fetches the next code when this one expires', async () => {
    let fetched = 0;
    setup({ getQrCode: () => (++fetched === 1 ? aCode('t1', 8, 1) : aCode('t2', 10)) });
    await qrImage();
    await waitFor(async () => expect((await qrImage()).getAttribute('data-url')).toContain('token=t2'), {
      timeout: 4000,
    });
    expect(drinksLeft()).toBe('10 drinks left on this code');
  });

  it('moves orders between the columns as events arrive', async () => {
    const { deliver } = setup();
    await waitFor(() => expect(tiles('Being made')).toEqual(['21']));
    await deliver(
      shopQueueTopic('main'),
      orderMessage(EventType.OrderCompleted, { ...MAKING, state: OrderState.Ready, updatedAt: iso(0) }),
    );
    await waitFor(() => expect(tiles('Ready for pickup')).toEqual(['20', '21']));
    expect(tiles('Being made')).toEqual([]);
  });

  it('shows the closed screen while the shop is closed, live', async () => {
    const { api, deliver } = setup({
      getShopConfig: { ...SHOP, open: false },
      listShopOrders: { orders: [] },
    });
    expect(await screen.findByRole('heading', { name: 'Coffee bar is closed' })).toBeTruthy();
    expect(callsOf(api, 'getQrCode')).toBe(0);
    await deliver(shopConfigTopic('main'), {
      type: EventType.ConfigChanged,
      detail: { shopId: 'main', changes: ['open'], config: SHOP },
      time: iso(0),
    });
    expect(await qrImage()).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Coffee bar is closed' })).toBeNull();
  });

  it('says when it is offline and fetches the board again after a reconnection', async () => {
    const { orders, realtime } = setup();
    await waitFor(() => expect(tiles('Being made')).toEqual(['21']));
    await waitFor(() => expect(realtime().topics).toContain(shopQueueTopic('main')));
    act(() => realtime().setStatus('offline'));
    expect(screen.getByText(/Offline/)).toBeTruthy();
    orders.push(anOrder({ orderId: 'missed', orderNumber: 22, state: OrderState.Making, updatedAt: iso(0) }));
    act(() => realtime().setStatus('online'));
    await waitFor(() => expect(tiles('Being made')).toEqual(['21', '22']));
    expect(screen.queryByText(/Offline/)).toBeNull();
  });
});
