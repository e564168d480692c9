import type { Identity } from '@coffee/app-shared';
import {
  createFakeApi,
  renderStaffApp,
  SHOP,
  signInAsStaff,
  staffIdentity,
} from '@coffee/app-shared/testing';
import { Role } from '@coffee/backend/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './app';

function renderApp(initial: Identity | undefined) {
  const api = createFakeApi({
    getShopConfig: SHOP,
    listShopOrders: { orders: [] },
    getQrCode: () => ({
      token: 't1',
      url: 'http://127.0.0.1:3000/order?shop=main&token=t1',
      expiresAt: new Date(Date.now() + 120_000).toISOString(),
      remaining: 10,
    }),
  });
  return renderStaffApp(<App shopId="main" />, { api, username: 'display', initial });
}

describe('App', () => {
  it('asks to sign in as display, the username filled in, then shows the display', async () => {
    const { user } = renderApp(undefined);
    const username = (await screen.findByLabelText('Username')) as HTMLInputElement;
    expect(username.value).toBe('display');
    await signInAsStaff(user);
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeTruthy();
  });

  it('shows the display to the display account, with nothing to touch', async () => {
    renderApp(staffIdentity(Role.Display));
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('turns away a customer account', async () => {
    const { user } = renderApp(staffIdentity(Role.Customer));
    expect((await screen.findByRole('alert')).textContent).toContain('cannot run the display');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Username')).toBeTruthy();
  });
});
