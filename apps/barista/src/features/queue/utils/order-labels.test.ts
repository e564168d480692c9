import { anOrder, MENU } from '@coffee/app-shared/testing';
import { describe, expect, it } from 'vitest';
import { actionsFor } from './order-actions';
import { customerLabel, drinkSummary, orderNumberLabel } from './order-labels';

describe('drinkSummary', () => {
  it('names the drink from the menu with its options in the menu order', () => {
    const order = anOrder({ drink: { drinkId: 'latte', modifiers: { size: 'Large', milk: 'Oat' } } });
    expect(drinkSummary(order, MENU)).toEqual({ name: 'Latte', icon: '🥛', options: ['Oat', 'Large'] });
  });

  it('shows a drink no longer on the menu by its id', () => {
    const order = anOrder({ drink: { drinkId: 'chai', modifiers: { milk: 'Soy' } } });
    expect(drinkSummary(order, MENU)).toMatchObject({ name: 'chai', options: ['Soy'] });
  });

  it('has nothing to show before the drink is chosen', () => {
    expect(drinkSummary(anOrder({ drink: undefined }), MENU)).toBeUndefined();
  });
});

describe('customerLabel', () => {
  it("uses the customer's name when the order carries one", () => {
    expect(customerLabel(anOrder({ customerName: ' Ada ' }))).toBe('Ada');
  });

  it('otherwise a short label from the user id, the same for the same customer', () => {
    expect(customerLabel(anOrder({ userId: '7c1e2b9a-1234-4f00-9d3f-00000000beef' }))).toBe('Guest BEEF');
  });
});

describe('orderNumberLabel', () => {
  it('shows the number, or an ellipsis before the workflow numbers the order', () => {
    expect(orderNumberLabel(anOrder({ orderNumber: 12 }))).toBe('#12');
    expect(orderNumberLabel(anOrder({ orderNumber: undefined }))).toBe('…');
  });
});

describe('actionsFor', () => {
  it.each([
    ['SUBMITTED', ['make', 'cancel']],
    ['MAKING', ['complete', 'unmake', 'cancel']],
    ['READY', []],
    ['CANCELLED', []],
    ['CREATED', []],
  ] as const)('a %s order offers %j', (state, actions) => {
    expect(actionsFor(state)).toEqual(actions);
  });
});
