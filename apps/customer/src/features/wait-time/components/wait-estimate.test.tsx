import { ApiError } from '@coffee/app-shared';
import { createFakeApi, createFakeAuth, renderWithServices } from '@coffee/app-shared/testing';
import type { WaitTimesResponse } from '@coffee/backend/contracts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONFIG, CUSTOMER, order } from '../../../test/fixtures';
import { OrderView } from '../../ordering/components/order-view';
import { WaitEstimate } from './wait-estimate';

const WAITS: WaitTimesResponse = {
  shopId: 'main',
  windowMinutes: 30,
  from: '2026-01-01T09:30:00.000Z',
  to: '2026-01-01T10:00:00.000Z',
  overall: { count: 3, averageSeconds: 250, p90Seconds: 400 },
  drinks: [{ drinkId: 'espresso', name: 'Espresso', count: 1, averageSeconds: 90, p90Seconds: 90 }],
  perMinute: [],
};

describe('WaitEstimate', () => {
  it('tells the customer how long their drink usually takes', async () => {
    renderWithServices(<WaitEstimate shopId="main" drinkId="espresso" />, {
      api: createFakeApi({ getWaitTimes: WAITS }),
    });
    const note = await screen.findByRole('complementary', { name: 'Wait time' });
    expect(note.textContent).toBe('Orders are usually ready in about 2 min.');
  });

  it('falls back to every drink’s average', async () => {
    renderWithServices(<WaitEstimate shopId="main" drinkId="latte" />, {
      api: createFakeApi({ getWaitTimes: WAITS }),
    });
    expect((await screen.findByRole('complementary', { name: 'Wait time' })).textContent).toContain(
      'about 4 min',
    );
  });

  it('shows nothing without recent completions or when the figure cannot be had', async () => {
    const { api } = renderWithServices(<WaitEstimate shopId="main" />, {
      api: createFakeApi({
        getWaitTimes: () => {
          throw new ApiError('internal', 500, 'down');
        },
      }),
    });
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(screen.queryByRole('complementary', { name: 'Wait time' })).toBeNull();
  });
});

describe('OrderView and the wait time', () => {
  it.each([
    { state: 'SUBMITTED' as const, shown: true },
    { state: 'MAKING' as const, shown: true },
    { state: 'READY' as const, shown: false },
  ])('in $state: shown $shown', async ({ state, shown }) => {
    // Arrange
    const api = createFakeApi({
      getShopConfig: CONFIG,
      getOrder: order({ state, orderNumber: 7, drink: { drinkId: 'espresso', modifiers: {} } }),
      getWaitTimes: WAITS,
    });

    // Act
    renderWithServices(<OrderView orderId={order().orderId} />, {
      api,
      auth: createFakeAuth({ initial: CUSTOMER }),
    });
    await screen.findByText('Order number');

    // Assert
    if (shown)
      expect((await screen.findByRole('complementary', { name: 'Wait time' })).textContent).toContain(
        'about 2 min',
      );
    else {
      await waitFor(() => expect(screen.getByRole('heading', { name: /ready/i })).toBeTruthy());
      expect(screen.queryByRole('complementary', { name: 'Wait time' })).toBeNull();
    }
  });
});
