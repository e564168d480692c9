import type { Identity } from '@coffee/app-shared';
import { createFakeApi, createFakeAuth, renderWithServices, staffIdentity } from '@coffee/app-shared/testing';
import { Role } from '@coffee/backend/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WAIT_TIMES, WORKFLOW } from '../testing/fixtures';
import { App } from './app';

function renderApp(initial: Identity | undefined) {
  const api = createFakeApi({
    getWorkflow: WORKFLOW,
    listShopOrders: { orders: [] },
    getWaitTimes: WAIT_TIMES,
  });
  const auth = createFakeAuth({ passwords: { barista: 'secret' }, ...(initial && { initial }) });
  renderWithServices(<App shopId="main" />, { api, auth });
  return { user: userEvent.setup() };
}

describe('App', () => {
  it('asks a signed-out barista to sign in, then shows the workflow', async () => {
    const { user } = renderApp(undefined);
    const username = (await screen.findByLabelText('Username')) as HTMLInputElement;
    expect(username.value).toBe('barista');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: /^Workflow/ })).toBeTruthy();
  });

  it('turns away an account without the barista role', async () => {
    renderApp(staffIdentity(Role.Display));
    expect((await screen.findByRole('alert')).textContent).toContain('cannot use the operations view');
    expect(screen.queryByRole('heading', { name: /^Workflow/ })).toBeNull();
  });
});
