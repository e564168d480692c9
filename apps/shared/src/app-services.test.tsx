import { useQuery } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeAuth } from './testing/fake-auth';
import { renderWithServices } from './testing/render-with-services';

let fetches = 0;
function MyData() {
  const { data } = useQuery({ queryKey: ['me', 'orders'], queryFn: async () => `fetch ${++fetches}` });
  return <section aria-label="data">{data}</section>;
}

describe('AppServicesProvider', () => {
  it("forgets the previous user's data when they sign out, and connects again as anonymous", async () => {
    // Arrange
    fetches = 0;
    const auth = createFakeAuth({ initial: { userId: 'u1', username: 'a@b.c', roles: ['customer'] } });
    const { queryClient, realtime } = renderWithServices(<MyData />, { auth });
    await waitFor(() => expect(screen.getByLabelText('data').textContent).toBe('fetch 1'));
    const first = realtime();

    // Act
    await act(() => auth.signOut());

    // Assert
    await waitFor(() => expect(queryClient.getQueryData(['me', 'orders'])).not.toBe('fetch 1'));
    expect(first.closed).toBe(true);
  });
});
