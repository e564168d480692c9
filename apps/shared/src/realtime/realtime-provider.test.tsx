import { EventType, type PublicMessage } from '@coffee/backend/contracts';
import { useQuery } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createFakeAuth } from '../testing/fake-auth';
import { renderWithServices } from '../testing/render-with-services';
import { OfflineIndicator } from '../ui/offline-indicator';
import { useTopic } from './realtime-provider';

const TOPIC = 'users/u1/orders';
const MESSAGE: PublicMessage = {
  type: EventType.WorkflowStarted,
  detail: { shopId: 'main', orderId: 'o1', userId: 'u1' },
  time: '2026-01-01T10:00:00.000Z',
};

function Listener() {
  const [types, setTypes] = useState<string[]>([]);
  useTopic(TOPIC, (message) => setTypes((seen) => [...seen, message.type]));
  return <section aria-label="messages">{types.join(',')}</section>;
}

let fetches = 0;
function Fetcher() {
  const { data } = useQuery({ queryKey: ['thing'], queryFn: async () => ++fetches });
  return <section aria-label="fetches">{data}</section>;
}

describe('useTopic', () => {
  it('subscribes to the topic and hands on parsed messages, dropping malformed ones', async () => {
    // Arrange
    const { deliver } = renderWithServices(<Listener />);

    // Act
    await deliver(TOPIC, { type: 'Nope', detail: {}, time: 'x' }, MESSAGE);

    // Assert
    expect(screen.getByLabelText('messages').textContent).toContain(EventType.WorkflowStarted);
    expect(screen.getByLabelText('messages').textContent).toBe(EventType.WorkflowStarted);
  });

  it('subscribes again on a new connection when the signed-in user changes', async () => {
    // Arrange
    const auth = createFakeAuth();
    const { realtime } = renderWithServices(<Listener />, { auth });
    await waitFor(() => expect(realtime().topics).toEqual([TOPIC]));
    const first = realtime();

    // Act
    await act(async () => auth.set({ userId: 'u1', username: 'a@b.c', roles: ['customer'] }));

    // Assert
    await waitFor(() => expect(realtime()).not.toBe(first));
    expect(first.closed).toBe(true);
    await waitFor(() => expect(realtime().topics).toEqual([TOPIC]));
  });
});

describe('RealtimeProvider', () => {
  it('re-fetches the queries when the link comes back, and shows the offline banner meanwhile', async () => {
    // Arrange
    fetches = 0;
    const { realtime } = renderWithServices(
      <>
        <OfflineIndicator />
        <Fetcher />
      </>,
    );
    await waitFor(() => expect(screen.getByLabelText('fetches').textContent).toContain('1'));

    // Act
    act(() => realtime().setStatus('offline'));
    const banner = screen.getByRole('status').textContent;
    act(() => realtime().setStatus('online'));

    // Assert
    expect(banner).toMatch(/offline/i);
    await waitFor(() => expect(screen.getByLabelText('fetches').textContent).toContain('2'));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
