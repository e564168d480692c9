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
  const api = createFakeApi({ getShopConfig: SHOP, listShopOrders: { orders: [] } });
  return renderStaffApp(<App shopId="main" />, { api, username: 'barista', initial });
}

describe('App', () => {
  it('asks a signed-out barista to sign in, the username filled in, then shows the queue', async () => {
    const { user } = renderApp(undefined);
    const username = (await screen.findByLabelText('Username')) as HTMLInputElement;
    expect(username.value).toBe('barista');
    await signInAsStaff(user);
    expect(await screen.findByRole('region', { name: /^New/ })).toBeTruthy();
  });

  it('shows the queue to a signed-in barista', async () => {
    renderApp(staffIdentity(Role.Barista));
    expect(await screen.findByRole('region', { name: /^Making/ })).toBeTruthy();
  });

  it('turns away an account without the barista role', async () => {
    renderApp(staffIdentity(Role.Display));
    expect((await screen.findByRole('alert')).textContent).toContain('cannot use the barista app');
    expect(screen.queryByRole('region', { name: /^New/ })).toBeNull();
  });
});
