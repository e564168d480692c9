import { ago, anOrder, MENU, NOW } from '@coffee/app-shared/testing';
import { type Order, OrderState } from '@coffee/backend/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OrderAction } from '../utils/order-actions';
import { queueColumns } from '../utils/queue-state';
import { QueueBoard } from './queue-board';

const ORDERS = [
  anOrder({ orderId: 'a', orderNumber: 1, state: OrderState.Submitted, createdAt: ago(30) }),
  anOrder({ orderId: 'b', orderNumber: 2, state: OrderState.Making, createdAt: ago(400) }),
  anOrder({ orderId: 'c', orderNumber: 3, state: OrderState.Ready, createdAt: ago(900), updatedAt: ago(20) }),
  anOrder({ orderId: 'd', orderNumber: 4, state: OrderState.Submitted, createdAt: ago(700) }),
];

function renderBoard(pending: Record<string, OrderAction> = {}) {
  const onAction = vi.fn();
  render(
    <QueueBoard
      columns={queueColumns(ORDERS, NOW)}
      menu={MENU}
      now={NOW}
      baristaTimeoutSeconds={900}
      pending={pending}
      onAction={onAction}
    />,
  );
  return { onAction, user: userEvent.setup() };
}

const column = (name: RegExp) => screen.getByRole('region', { name });

/**
 * The board as the page drives it: an action is pending, then its answer moves the cards.
 * `settle` plays that out, ending with `after` as the queue.
 */
function renderActing(orders: Order[]) {
  const onAction = vi.fn();
  const board = (current: Order[], pending: Record<string, OrderAction> = {}) => (
    <QueueBoard
      columns={queueColumns(current, NOW)}
      menu={MENU}
      now={NOW}
      baristaTimeoutSeconds={900}
      pending={pending}
      onAction={onAction}
    />
  );
  const view = render(board(orders));
  const settle = (orderId: string, action: OrderAction, after: Order[]) => {
    view.rerender(board(orders, { [orderId]: action }));
    view.rerender(board(after));
  };
  return { onAction, settle, user: userEvent.setup() };
}

/** `orders` with the order `orderId` changed to `state`, or left out when `state` is undefined. */
function moved(orders: Order[], orderId: string, state: OrderState | undefined): Order[] {
  return orders.flatMap((order) =>
    order.orderId !== orderId ? [order] : state ? [{ ...order, state }] : [],
  );
}

const focused = () => document.activeElement;

describe('QueueBoard', () => {
  it('shows each order in its column, oldest first, with number, drink, options and customer', () => {
    renderBoard();
    const fresh = column(/^New/);
    const cards = within(fresh).getAllByRole('article');
    expect(cards.map((card) => card.getAttribute('aria-labelledby'))).toEqual([
      'order-d-heading',
      'order-a-heading',
    ]);
    const first = within(fresh).getByRole('article', { name: 'Order #4' });
    expect(first.textContent).toContain('Latte');
    expect(first.textContent).toContain('Oat · Large');
    expect(first.textContent).toContain('Guest ABCD');
    expect(within(column(/^Making/)).getByRole('article', { name: 'Order #2' })).toBeTruthy();
    expect(within(column(/^Ready/)).getByRole('article', { name: 'Order #3' })).toBeTruthy();
  });

  it('colours each timer by waiting time and says it in words', () => {
    renderBoard();
    expect(screen.getByRole('timer', { name: 'Waiting 30 seconds, on time' }).dataset.level).toBe('fresh');
    expect(screen.getByRole('timer', { name: 'Waiting 6 minutes 40 seconds, waiting' }).dataset.level).toBe(
      'waiting',
    );
    expect(screen.getByRole('timer', { name: 'Waiting 11 minutes 40 seconds, late' }).dataset.level).toBe(
      'late',
    );
    expect(screen.getByRole('timer', { name: 'Ready for 20 seconds' })).toBeTruthy();
  });

  it('offers the actions of each state', () => {
    renderBoard();
    const names = (card: HTMLElement) =>
      within(card)
        .queryAllByRole('button')
        .map((button) => button.textContent);
    expect(names(screen.getByRole('article', { name: 'Order #1' }))).toEqual(['Make', 'Cancel']);
    expect(names(screen.getByRole('article', { name: 'Order #2' }))).toEqual([
      'Complete',
      'Unmake',
      'Cancel',
    ]);
    expect(names(screen.getByRole('article', { name: 'Order #3' }))).toEqual([]);
  });

  it('sends make, complete and unmake at once', async () => {
    const { onAction, user } = renderBoard();
    await user.click(screen.getByRole('button', { name: 'Make order #1' }));
    await user.click(screen.getByRole('button', { name: 'Complete order #2' }));
    await user.click(screen.getByRole('button', { name: 'Unmake order #2' }));
    expect(onAction.mock.calls.map(([order, action]) => [order.orderId, action])).toEqual([
      ['a', 'make'],
      ['b', 'complete'],
      ['b', 'unmake'],
    ]);
  });

  it('disables the buttons of an order whose action is on its way', () => {
    renderBoard({ b: 'complete' });
    const card = screen.getByRole('article', { name: 'Order #2' });
    expect(
      within(card)
        .getAllByRole('button')
        .every((button) => (button as HTMLButtonElement).disabled),
    ).toBe(true);
    expect(within(card).getByRole('button', { name: 'Complete order #2' }).textContent).toBe('Complete…');
  });

  it('cancels only after confirmation, with the reason given', async () => {
    const { onAction, user } = renderBoard();
    await user.click(screen.getByRole('button', { name: 'Cancel order #1' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel order #1?' });
    expect(onAction).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText('Reason'), 'No more oat milk');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));
    expect(onAction).toHaveBeenCalledWith(
      expect.objectContaining({ orderId: 'a' }),
      'cancel',
      'No more oat milk',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers one-tap reasons', async () => {
    const { onAction, user } = renderBoard();
    await user.click(screen.getByRole('button', { name: 'Cancel order #2' }));
    await user.click(screen.getByRole('button', { name: 'Out of stock' }));
    await user.click(screen.getByRole('button', { name: 'Cancel order' }));
    expect(onAction).toHaveBeenCalledWith(
      expect.objectContaining({ orderId: 'b' }),
      'cancel',
      'Out of stock',
    );
  });

  it('keeps the order when the barista backs out, by button or Escape', async () => {
    const { onAction, user } = renderBoard();
    await user.click(screen.getByRole('button', { name: 'Cancel order #1' }));
    await user.click(screen.getByRole('button', { name: 'Keep order' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel order #1' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onAction).not.toHaveBeenCalled();
  });

  it('says so when a column is empty', () => {
    render(
      <QueueBoard
        columns={queueColumns([], NOW)}
        menu={MENU}
        now={NOW}
        baristaTimeoutSeconds={900}
        pending={{}}
        onAction={() => {}}
      />,
    );
    expect(within(column(/^New/)).getByText('No new orders')).toBeTruthy();
  });

  it('lets a keyboard reach the ready list, whose cards have no buttons, to scroll it', () => {
    renderBoard();
    const ready = screen.getByRole('list', { name: /^Ready/ });
    expect(ready.getAttribute('tabindex')).toBe('0');
    expect(within(ready).queryByRole('button')).toBeNull();
    // The other lists are reached through their cards' buttons.
    expect(within(column(/^New/)).getByRole('list').getAttribute('tabindex')).toBeNull();
  });
});

describe('QueueBoard keyboard focus after an action', () => {
  it('follows a made order to its Complete button', async () => {
    const { settle, user } = renderActing(ORDERS);
    await user.click(screen.getByRole('button', { name: 'Make order #1' }));
    settle('a', 'make', moved(ORDERS, 'a', OrderState.Making));
    expect(focused()).toBe(screen.getByRole('button', { name: 'Complete order #1' }));
  });

  it('follows an unmade order back to its Make button', async () => {
    const { settle, user } = renderActing(ORDERS);
    await user.click(screen.getByRole('button', { name: 'Unmake order #2' }));
    settle('b', 'unmake', moved(ORDERS, 'b', OrderState.Submitted));
    expect(focused()).toBe(screen.getByRole('button', { name: 'Make order #2' }));
  });

  it('goes to the next order in the column once one is completed', async () => {
    const orders = [
      anOrder({ orderId: 'm1', orderNumber: 5, state: OrderState.Making, createdAt: ago(300) }),
      anOrder({ orderId: 'm2', orderNumber: 6, state: OrderState.Making, createdAt: ago(200) }),
    ];
    const { settle, user } = renderActing(orders);
    await user.click(screen.getByRole('button', { name: 'Complete order #5' }));
    settle('m1', 'complete', moved(orders, 'm1', OrderState.Ready));
    expect(focused()).toBe(screen.getByRole('button', { name: 'Complete order #6' }));
  });

  it('goes to the order above once the last one of a column is cancelled', async () => {
    const { settle, user } = renderActing(ORDERS);
    await user.click(screen.getByRole('button', { name: 'Cancel order #1' }));
    await user.click(screen.getByRole('button', { name: 'Cancel order' }));
    settle('a', 'cancel', moved(ORDERS, 'a', undefined));
    expect(focused()).toBe(screen.getByRole('button', { name: 'Make order #4' }));
  });

  it('goes to the column heading when the column is left empty', async () => {
    const { settle, user } = renderActing(ORDERS);
    await user.click(screen.getByRole('button', { name: 'Complete order #2' }));
    settle('b', 'complete', moved(ORDERS, 'b', OrderState.Ready));
    expect(focused()).toBe(screen.getByRole('heading', { name: /^Making/ }));
  });

  it('stays on the button when the action failed and the order did not move', async () => {
    const { settle, user } = renderActing(ORDERS);
    const make = screen.getByRole('button', { name: 'Make order #1' });
    await user.click(make);
    make.blur(); // as a browser does when the button is disabled while the action is on its way
    settle('a', 'make', ORDERS);
    expect(focused()).toBe(screen.getByRole('button', { name: 'Make order #1' }));
  });

  it('moves on in the column when the order was gone by the time of the action', async () => {
    const { settle, user } = renderActing(ORDERS);
    await user.click(screen.getByRole('button', { name: 'Make order #4' }));
    // The make was refused and the order re-read: the customer had cancelled it.
    settle('d', 'make', moved(ORDERS, 'd', OrderState.Cancelled));
    expect(focused()).toBe(screen.getByRole('button', { name: 'Make order #1' }));
  });

  it('leaves focus where the barista put it meanwhile', async () => {
    const { settle, user } = renderActing(ORDERS);
    await user.click(screen.getByRole('button', { name: 'Make order #1' }));
    const elsewhere = screen.getByRole('button', { name: 'Cancel order #4' });
    elsewhere.focus();
    settle('a', 'make', moved(ORDERS, 'a', OrderState.Making));
    expect(focused()).toBe(elsewhere);
  });
});
