import { createFakeApi, renderWithServices } from '@coffee/app-shared/testing';
import { EventType, OrderState } from '@coffee/backend/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { anOrder, HISTORY, WAIT_TIMES, WORKFLOW } from '../../testing/fixtures';
import { OpsPage } from './ops-page';

function renderPage() {
  const api = createFakeApi({
    getWorkflow: WORKFLOW,
    listShopOrders: ({ query }) => ({
      orders:
        query.state === OrderState.Making
          ? [anOrder()]
          : query.state === OrderState.Ready
            ? [anOrder({ orderId: 'o2', orderNumber: 6, state: OrderState.Ready })]
            : [],
    }),
    getOrderHistory: HISTORY,
    getWaitTimes: WAIT_TIMES,
  });
  const services = renderWithServices(<OpsPage shopId="main" />, { api });
  return { ...services, user: userEvent.setup() };
}

describe('OpsPage', () => {
  it('shows the workflow with live counts, refreshed when an order event arrives', async () => {
    // Arrange
    const { api, deliver } = renderPage();
    expect(await screen.findByRole('img', { name: /running: WaitForCompletion 2$/ })).toBeTruthy();
    expect(screen.getByText('2 running executions')).toBeTruthy();
    const running = screen.getByRole('list', { name: 'Running now' });
    expect(within(running).getByRole('listitem').textContent).toBe('WaitForCompletion: 2');

    // Act: an order is completed; the counts change
    api.on('getWorkflow', { ...WORKFLOW, counts: { WaitForCompletion: 1 }, running: 1 });
    await deliver('shops/main/queue', {
      type: EventType.OrderCompleted,
      detail: { shopId: 'main', orderId: 'o1', userId: 'u1', order: anOrder({ state: OrderState.Ready }) },
      time: '2026-01-01T10:00:00.000Z',
    });

    // Assert
    expect(await screen.findByRole('img', { name: /running: WaitForCompletion 1$/ })).toBeTruthy();
  });

  it('lists recent orders, newest first, and shows the picked one’s execution history and path', async () => {
    // Arrange
    const { api, user } = renderPage();
    const recent = await screen.findByRole('list', { name: 'Recent orders' });
    await waitFor(() => expect(within(recent).getAllByRole('button')).toHaveLength(2));
    expect(
      within(recent)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['#7 latte — MAKING', '#6 latte — READY']);

    // Act
    await user.click(within(recent).getByRole('button', { name: '#7 latte — MAKING' }));

    // Assert
    const table = await screen.findByRole('table', { name: 'Events of order o1' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + HISTORY.events.length);
    expect(within(table).getByRole('cell', { name: 'ExecutionStarted' })).toBeTruthy();
    expect(within(table).getAllByRole('cell', { name: 'WaitForCompletion' }).length).toBeGreaterThan(0);
    expect(screen.getByText('RUNNING')).toBeTruthy();
    expect(
      await screen.findByRole('img', {
        name: /running: WaitForCompletion 2; the selected order is at WaitForCompletion$/,
      }),
    ).toBeTruthy();
    expect(api.calls.find((c) => c.name === 'getOrderHistory')?.input.params).toEqual({ orderId: 'o1' });
  });

  it('lists an order once, as it is now, when it moved on between the fetches of two states', async () => {
    // Arrange: the making list was read before o1 was completed, the ready list after
    const making = anOrder({ updatedAt: '2026-01-01T10:00:00.000Z' });
    const ready = { ...making, state: OrderState.Ready, updatedAt: '2026-01-01T10:01:00.000Z' };
    const api = createFakeApi({
      getWorkflow: WORKFLOW,
      listShopOrders: ({ query }) => ({
        orders:
          query.state === OrderState.Making ? [making] : query.state === OrderState.Ready ? [ready] : [],
      }),
      getOrderHistory: HISTORY,
      getWaitTimes: WAIT_TIMES,
    });

    // Act
    renderWithServices(<OpsPage shopId="main" />, { api });

    // Assert
    const recent = await screen.findByRole('list', { name: 'Recent orders' });
    await waitFor(() => expect(within(recent).getAllByRole('button').length).toBeGreaterThan(0));
    expect(
      within(recent)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['#7 latte — READY']);
  });

  it('finds an order by its id, and refuses an id that cannot be one', async () => {
    // Arrange
    const { api, user } = renderPage();

    // Act
    await user.type(screen.getByLabelText('Order id'), 'not/an id');
    await user.click(screen.getByRole('button', { name: 'Show history' }));

    // Assert
    expect((await screen.findByRole('alert')).textContent).toContain('letters, digits');

    // Act
    await user.clear(screen.getByLabelText('Order id'));
    await user.type(screen.getByLabelText('Order id'), 'o1');
    await user.click(screen.getByRole('button', { name: 'Show history' }));

    // Assert
    expect(await screen.findByRole('table', { name: 'Events of order o1' })).toBeTruthy();
    expect(api.calls.filter((c) => c.name === 'getOrderHistory')).toHaveLength(1);
  });

  it('hides the Catch transitions on request', async () => {
    // Arrange
    const { user, container } = renderPage();
    await screen.findByRole('img', { name: /running: WaitForCompletion 2$/ });
    expect(container.querySelectorAll('path.edge-catch')).toHaveLength(1);

    // Act
    await user.click(screen.getByRole('checkbox', { name: 'Show Catch transitions' }));

    // Assert
    expect(container.querySelectorAll('path.edge-catch')).toHaveLength(0);
    expect(container.querySelectorAll('path.edge')).toHaveLength(4);
  });

  it('shows the wait times as charts', async () => {
    renderPage();
    const chart = await screen.findByRole('img', {
      name: /^Orders per minute and wait times over the last 30 minutes/,
    });
    expect(chart.getAttribute('aria-label')).toContain('average wait about 4 min, 90% within about 5 min');
    expect(
      screen.getByRole('img', { name: /^Wait per drink: Latte about 4 min on average \(2\)/ }),
    ).toBeTruthy();
    expect(screen.getByText(/Last 30 min: 3 ready, average about 4 min, p90 about 5 min/)).toBeTruthy();
  });
});
