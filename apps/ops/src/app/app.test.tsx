import type { Identity } from '@coffee/app-shared';
import { createFakeApi, renderStaffApp, signInAsStaff, staffIdentity } from '@coffee/app-shared/testing';
import { Role } from '@coffee/backend/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WAIT_TIMES, WORKFLOW } from '../testing/fixtures';
import { App } from './app';

function renderApp(initial: Identity | undefined) {
  const api = createFakeApi({
    getWorkflow: WORKFLOW,
    listShopOrders: { orders: [] },
    getWaitTimes: WAIT_TIMES,
  });
  return renderStaffApp(<App shopId="main" />, { api, username: 'barista', initial });
}

describe('App', () => {
  it('asks a signed-out barista to sign in, then shows the workflow', async () => {
    const { user } = renderApp(undefined);
    const username = (await screen.findByLabelText('Username')) as HTMLInputElement;
    expect(username.value).toBe('barista');
    await signInAsStaff(user);
    expect(await screen.findByRole('heading', { name: /^Workflow/ })).toBeTruthy();
  });

  it('turns away an account without the barista role', async () => {
    renderApp(staffIdentity(Role.Display));
    expect((await screen.findByRole('alert')).textContent).toContain('cannot use the operations view');
    expect(screen.queryByRole('heading', { name: /^Workflow/ })).toBeNull();
  });
});
