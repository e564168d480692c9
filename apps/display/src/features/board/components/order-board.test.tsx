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
    render(<OrderBoard columns={{ making: making(MAX_NUMBERS_PER_COLUMN), ready: [] }} />);
    expect(tiles('Being made')).toHaveLength(MAX_NUMBERS_PER_COLUMN);
    expect(
      within(screen.getByRole('region', { name: 'Ready for pickup' })).getByText('Nothing yet'),
    ).toBeTruthy();
  });

  it('sums up the numbers that do not fit in a last tile, never growing the column', () => {
    render(<OrderBoard columns={{ making: making(MAX_NUMBERS_PER_COLUMN + 3), ready: [] }} />);
    const shown = tiles('Being made');
    expect(shown).toHaveLength(MAX_NUMBERS_PER_COLUMN);
    expect(shown.at(-1)).toBe('+4 more');
  });
});
