import { anOrder } from '@coffee/app-shared/testing';
import { OrderState } from '@coffee/backend/contracts';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBERS_PER_COLUMN, OrderBoard } from './order-board';

const making = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    anOrder({ orderId: `o${i + 1}`, orderNumber: i + 1, state: OrderState.Making }),
  );

const tiles = (name: string) =>
  within(screen.getByRole('region', { name }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

describe('OrderBoard', () => {
  it('shows every number while they fit', () => {
    render(
      <OrderBoard columns={{ making: making(MAX_NUMBERS_PER_COLUMN), ready: [], justReady: new Set() }} />,
    );
    expect(tiles('Being made')).toHaveLength(MAX_NUMBERS_PER_COLUMN);
    expect(
      within(screen.getByRole('region', { name: 'Ready for pickup' })).getByText('Nothing yet'),
    ).toBeTruthy();
  });

  it('sums up the numbers that do not fit in a last tile, never growing the column', () => {
    render(
      <OrderBoard
        columns={{ making: making(MAX_NUMBERS_PER_COLUMN + 3), ready: [], justReady: new Set() }}
      />,
    );
    const shown = tiles('Being made');
    expect(shown).toHaveLength(MAX_NUMBERS_PER_COLUMN);
    expect(shown.at(-1)).toBe('+4 more');
  });
});

describe('OrderBoard in a rush', () => {
  it('keeps the latest ready numbers in view, by number, and sums up the earlier ones', () => {
    // Arrange: 14 ready, one a minute from #1 on, except #3, made last (unmade, then made again).
    const start = Date.parse('2026-11-25T09:00:00Z');
    const readyAt = (minute: number) => new Date(start + minute * 60_000).toISOString();
    const ready = Array.from({ length: 14 }, (_, i) =>
      anOrder({
        orderId: `r${i + 1}`,
        orderNumber: i + 1,
        state: OrderState.Ready,
        readyAt: readyAt(i + 1 === 3 ? 20 : i),
      }),
    );

    // Act
    render(<OrderBoard columns={{ making: [], ready, justReady: new Set() }} />);

    // Assert: the nine ready last (#3 and #7 to #14), the five before them summed up.
    expect(tiles('Ready for pickup')).toEqual([
      '3',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '+5 earlier',
    ]);
  });

  it('makes a number just ready stand out, not the others', () => {
    // Arrange
    const ready = [1, 2].map((n) => anOrder({ orderId: `r${n}`, orderNumber: n, state: OrderState.Ready }));

    // Act
    render(<OrderBoard columns={{ making: [], ready, justReady: new Set(['r2']) }} />);

    // Assert
    const [first, second] = within(screen.getByRole('region', { name: 'Ready for pickup' })).getAllByRole(
      'listitem',
    );
    expect(first?.classList.contains('board-number--just-ready')).toBe(false);
    expect(second?.classList.contains('board-number--just-ready')).toBe(true);
  });
});
