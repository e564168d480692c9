import { describe, expect, it } from 'vitest';
import type { Menu } from '../../contracts/config.js';
import type { DrinkChoice } from '../../contracts/orders.js';
import { sameDrink, validateDrink } from './drink-validation.js';

const MENU: Menu = [
  {
    id: 'latte',
    name: 'Latte',
    icon: '🥛',
    available: true,
    modifiers: [
      { id: 'milk', name: 'Milk', options: ['Whole', 'Oat'] },
      { id: 'size', name: 'Size', options: ['Regular', 'Large'] },
    ],
  },
  { id: 'espresso', name: 'Espresso', icon: '☕', available: true, modifiers: [] },
  { id: 'mocha', name: 'Mocha', icon: '🍫', available: false, modifiers: [] },
];

describe('validateDrink', () => {
  it.each<[string, DrinkChoice, DrinkChoice | string]>([
    [
      'all modifiers given',
      { drinkId: 'latte', modifiers: { size: 'Large', milk: 'Oat' } },
      { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } },
    ],
    [
      'none given: first options',
      { drinkId: 'latte', modifiers: {} },
      { drinkId: 'latte', modifiers: { milk: 'Whole', size: 'Regular' } },
    ],
    [
      'some given',
      { drinkId: 'latte', modifiers: { size: 'Large' } },
      { drinkId: 'latte', modifiers: { milk: 'Whole', size: 'Large' } },
    ],
    [
      'a drink without modifiers',
      { drinkId: 'espresso', modifiers: {} },
      { drinkId: 'espresso', modifiers: {} },
    ],
    ['an unknown drink', { drinkId: 'tea', modifiers: {} }, 'drink-unknown'],
    ['an unavailable drink', { drinkId: 'mocha', modifiers: {} }, 'drink-unavailable'],
    ['an unknown option', { drinkId: 'latte', modifiers: { milk: 'Soy' } }, 'option-invalid'],
    ['an option of another modifier', { drinkId: 'latte', modifiers: { milk: 'Large' } }, 'option-invalid'],
    ['options are case-sensitive', { drinkId: 'latte', modifiers: { milk: 'oat' } }, 'option-invalid'],
    ['an unknown modifier', { drinkId: 'latte', modifiers: { syrup: 'Vanilla' } }, 'option-invalid'],
    [
      'a modifier on a drink without any',
      { drinkId: 'espresso', modifiers: { milk: 'Oat' } },
      'option-invalid',
    ],
  ])('%s', (_, choice, expected) => {
    const result = validateDrink(MENU, choice);
    expect(result.ok ? result.drink : result.error.code).toEqual(expected);
  });

  it('names the drink and option in its message', () => {
    const result = validateDrink(MENU, { drinkId: 'latte', modifiers: { milk: 'Soy' } });
    expect(result.ok ? '' : result.error.message).toBe('"Soy" is not a milk for Latte.');
  });
});

describe('sameDrink', () => {
  const a = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };
  it.each([
    [a, { drinkId: 'latte', modifiers: { size: 'Large', milk: 'Oat' } }, true],
    [a, { drinkId: 'latte', modifiers: { milk: 'Oat' } }, false],
    [a, { drinkId: 'mocha', modifiers: { milk: 'Oat', size: 'Large' } }, false],
    [a, undefined, false],
    [undefined, undefined, true],
  ])('%j vs %j → %s', (x, y, same) => {
    expect(sameDrink(x, y)).toBe(same);
  });
});
