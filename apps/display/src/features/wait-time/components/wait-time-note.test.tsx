import { createFakeApi, renderWithServices } from '@coffee/app-shared/testing';
import type { WaitTimesResponse } from '@coffee/backend/contracts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WaitTimeNote } from './wait-time-note';

const WAITS: WaitTimesResponse = {
  shopId: 'main',
  windowMinutes: 30,
  from: '2026-01-01T09:30:00.000Z',
  to: '2026-01-01T10:00:00.000Z',
  overall: { count: 12, averageSeconds: 250, p90Seconds: 400 },
  drinks: [],
  perMinute: [],
};

describe('WaitTimeNote', () => {
  it('shows the shop’s usual wait', async () => {
    const { api } = renderWithServices(<WaitTimeNote shopId="main" />, {
      api: createFakeApi({ getWaitTimes: WAITS }),
    });
    const note = await screen.findByRole('complementary', { name: 'Wait time' });
    expect(note.textContent).toBe('Usual wait about 4 min');
    expect(api.calls[0]?.input.params).toEqual({ shopId: 'main' });
  });

  it('shows nothing before any order was made ready in the window', async () => {
    const { overall: _, ...none } = WAITS;
    const { api } = renderWithServices(<WaitTimeNote shopId="main" />, {
      api: createFakeApi({ getWaitTimes: none }),
    });
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(screen.queryByRole('complementary', { name: 'Wait time' })).toBeNull();
  });
});
