import { ago, anOrder, NOW } from '@coffee/app-shared/testing';
import { OrderState } from '@coffee/backend/contracts';
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { boardColumns } from '../features/board/utils/board-state';
import type { QrView } from '../features/qr-code/utils/qr-state';
import { DisplayScreen } from './display-screen';

const URL = 'http://127.0.0.1:3000/order?shop=main&token=t1';
const CODE: QrView = { kind: 'code', url: URL, remaining: 7, msLeft: 125_000 };
const ORDERS = [
  anOrder({ orderId: 'a', orderNumber: 12, state: OrderState.Making }),
  anOrder({ orderId: 'b', orderNumber: 9, state: OrderState.Ready, updatedAt: ago(30) }),
  anOrder({ orderId: 'c', orderNumber: 4, state: OrderState.Ready, updatedAt: ago(700) }),
];

function renderScreen(qr: QrView, open: boolean | undefined = true, orders = ORDERS) {
  render(<DisplayScreen shopName="Coffee bar" open={open} qr={qr} columns={boardColumns(orders, NOW)} />);
}

const listed = (name: string) =>
  within(screen.getByRole('region', { name }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

describe('DisplayScreen', () => {
  it('shows the QR code for the URL, the drinks left and the time to the next code', async () => {
    renderScreen(CODE);
    const image = await screen.findByRole('img', { name: /QR code/ });
    expect(image.getAttribute('data-url')).toBe(URL);
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const panel = screen.getByRole('region', { name: 'Scan to order' });
    expect(panel.textContent).toContain('7 drinks left on this code');
    expect(panel.textContent).toContain('New code in 2:05');
  });

  it('names the shop above its code, for events with more than one bar', () => {
    render(<DisplayScreen shopName="Terrace bar" open={true} qr={CODE} columns={boardColumns([], NOW)} />);
    const panel = screen.getByRole('region', { name: 'Scan to order' });
    expect(panel.firstElementChild?.textContent).toBe('Terrace bar');
    expect(screen.getByRole('heading', { level: 1, name: 'Terrace bar' })).toBeTruthy();
  });

  it('hides a used-up code and says when new orders open', () => {
    renderScreen({ kind: 'used-up', opensAt: NOW + 65_000, msLeft: 65_000 });
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('New orders open at');
    expect(status.textContent).toContain('in 1:05');
  });

  it('hides the code while it rotates', () => {
    renderScreen({ kind: 'rotating' });
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('A new code is on its way');
  });

  it('lists numbers being made and ready, a ready one gone after ten minutes', () => {
    renderScreen(CODE);
    expect(listed('Being made')).toEqual(['12']);
    expect(listed('Ready for pickup')).toEqual(['9']);
  });

  it('shows only the closed screen when the shop is closed and nothing is left to collect', () => {
    renderScreen(CODE, false, []);
    expect(screen.getByRole('heading', { name: 'Coffee bar is closed' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Scan to order' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Ready for pickup' })).toBeNull();
  });

  it('keeps the pickup board beside the closed notice while orders remain', () => {
    renderScreen(CODE, false);
    expect(screen.getByRole('heading', { name: 'Coffee bar is closed' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    expect(listed('Ready for pickup')).toEqual(['9']);
  });

  it('keeps the previous code on screen until the next one is drawn', async () => {
    const { rerender } = render(
      <DisplayScreen shopName="Coffee bar" open qr={CODE} columns={boardColumns([], NOW)} />,
    );
    await screen.findByRole('img', { name: /QR code/ });
    const next = 'http://127.0.0.1:3000/order?shop=main&token=t2';
    rerender(
      <DisplayScreen
        shopName="Coffee bar"
        open
        qr={{ ...CODE, url: next }}
        columns={boardColumns([], NOW)}
      />,
    );
    expect(screen.getByRole('img', { name: /QR code/ })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('img', { name: /QR code/ }).getAttribute('data-url')).toBe(next),
    );
  });
});
