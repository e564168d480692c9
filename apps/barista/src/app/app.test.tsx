import type { Identity } from '@coffee/app-shared';
import {
  createFakeApi,
  createFakeAuth,
  renderWithServices,
  SHOP,
  staffIdentity,
} from '@coffee/app-shared/testing';
import { Role } from '@coffee/backend/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './app';

function renderApp(initial: Identity | undefined) {
  const api = createFakeApi({ getShopConfig: SHOP, listShopOrders: { orders: [] } });
  const auth = createFakeAuth({ passwords: { barista: 'secret' }, ...(initial && { initial }) });
  renderWithServices(<App shopId="main" />, { api, auth });
  return { user: userEvent.setup() };
}

describe('App', () => {
  it('asks a signed-out barista to sign in, the username filled in, then shows the queue', async () => {
    const { user } = renderApp(undefined);
    const username = (await screen.findByLabelText('Username')) as HTMLInputElement;
    expect(username.value).toBe('barista');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
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
