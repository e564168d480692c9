import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  DEMO_MENU,
  LIMIT_BOUNDS,
  LIMIT_ENV_VARS,
  LimitsSchema,
  MenuSchema,
} from './config.js';

describe('limits', () => {
  it('defaults are DESIGN’s', () => {
    expect(DEFAULT_LIMITS).toEqual({
      drinksPerCode: 10,
      codeSeconds: 300,
      capacity: 20,
      dailyLimit: 5,
      customerTimeoutSeconds: 300,
      baristaTimeoutSeconds: 900,
    });
    expect(LimitsSchema.parse(DEFAULT_LIMITS)).toEqual(DEFAULT_LIMITS);
  });

  it('each has an environment variable of DESIGN', () => {
    expect(Object.values(LIMIT_ENV_VARS).sort()).toEqual(
      [
        'COFFEE_DRINKS_PER_CODE',
        'COFFEE_CODE_SECONDS',
        'COFFEE_CAPACITY',
        'COFFEE_DAILY_LIMIT',
        'COFFEE_CUSTOMER_TIMEOUT_SECONDS',
        'COFFEE_BARISTA_TIMEOUT_SECONDS',
      ].sort(),
    );
  });

  const cases = Object.entries(LIMIT_BOUNDS).flatMap(([name, { min, max }]) => [
    [name, min, true],
    [name, max, true],
    [name, min - 1, false],
    [name, max + 1, false],
    [name, min + 0.5, false],
  ]);
  it.each(cases)('%s = %d valid: %s', (name, value, valid) => {
    expect(LimitsSchema.safeParse({ ...DEFAULT_LIMITS, [name as string]: value }).success).toBe(valid);
  });
});

describe('demo menu', () => {
  it('is a valid menu of available espresso drinks with their default option first', () => {
    expect(MenuSchema.parse(DEMO_MENU)).toEqual(DEMO_MENU);
    expect(DEMO_MENU.map((d) => d.id)).toEqual([
      'espresso',
      'americano',
      'flat-white',
      'latte',
      'cappuccino',
      'mocha',
      'hot-chocolate',
    ]);
    expect(DEMO_MENU.every((d) => d.available && d.icon.length > 0)).toBe(true);
  });

  it.each([
    ['duplicate drink ids', [DEMO_MENU[0], DEMO_MENU[0]]],
    ['duplicate options', [{ ...DEMO_MENU[0], modifiers: [{ id: 'm', name: 'M', options: ['a', 'a'] }] }]],
    ['no options', [{ ...DEMO_MENU[0], modifiers: [{ id: 'm', name: 'M', options: [] }] }]],
    ['a non-kebab id', [{ ...DEMO_MENU[0], id: 'Flat White' }]],
  ])('refuses %s', (_, menu) => {
    expect(MenuSchema.safeParse(menu).success).toBe(false);
  });
});
