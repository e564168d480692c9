import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEMO_MENU, type ShopConfig, ShopConfigSchema } from '../../contracts/config.js';
import { CoffeeEventSchema, EventType } from '../../contracts/events.js';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import {
  configChangedEvent,
  configChanges,
  newShopConfig,
  setDrinkAvailability,
  setShopOpen,
  updateLimits,
} from './shop-config.js';

const shop = (): ShopConfig => newShopConfig({ shopId: 'main', name: 'Coffee bar' });

describe('newShopConfig', () => {
  it('is closed, with the demo menu and default limits', () => {
    expect(shop()).toEqual({
      shopId: 'main',
      name: 'Coffee bar',
      open: false,
      menu: DEMO_MENU,
      limits: DEFAULT_LIMITS,
    });
  });

  it('does not share the demo menu', () => {
    const config = shop();
    expect(config.menu).not.toBe(DEMO_MENU);
    expect(config.menu[0]).not.toBe(DEMO_MENU[0]);
  });

  it('takes what it is given', () => {
    const limits = { ...DEFAULT_LIMITS, capacity: 3 };
    expect(newShopConfig({ shopId: 'pop-up', name: 'Pop-up', open: true, menu: [], limits })).toEqual({
      shopId: 'pop-up',
      name: 'Pop-up',
      open: true,
      menu: [],
      limits,
    });
  });

  it('refuses a bad shop id', () => {
    expect(() => newShopConfig({ shopId: 'a/b', name: 'x' })).toThrow();
  });
});

describe('changes', () => {
  it.each<[string, (c: ShopConfig) => { config: ShopConfig; changes: string[] }, string[]]>([
    ['opening a closed shop', (c) => setShopOpen(c, true), ['open']],
    ['closing a closed shop', (c) => setShopOpen(c, false), []],
    ['making a drink unavailable', (c) => setDrinkAvailability(c, 'latte', false), ['menu']],
    ['making an available drink available', (c) => setDrinkAvailability(c, 'latte', true), []],
    ['changing a limit', (c) => updateLimits(c, { capacity: 10 }), ['limits']],
    ['an empty limits update', (c) => updateLimits(c, {}), []],
    ['setting a limit to its value', (c) => updateLimits(c, { capacity: 20 }), []],
  ])('%s → %j', (_, change, changes) => {
    const before = shop();
    const snapshot = structuredClone(before);

    const update = change(before);

    expect(update.changes).toEqual(changes);
    expect(configChanges(before, update.config)).toEqual(changes);
    expect(before).toEqual(snapshot);
    if (changes.length === 0) expect(update.config).toBe(before);
    expect(ShopConfigSchema.parse(update.config)).toEqual(update.config);
  });

  it('changes only the drink named', () => {
    const { config } = setDrinkAvailability(shop(), 'mocha', false);
    expect(config.menu.filter((d) => !d.available).map((d) => d.id)).toEqual(['mocha']);
  });

  it('refuses a drink not on the menu with not-found', () => {
    expect(() => setDrinkAvailability(shop(), 'tea', false)).toThrow(NotFoundError);
  });

  it('refuses bad limits with invalid-request', () => {
    expect(() => updateLimits(shop(), { capacity: 0 })).toThrow(InvalidRequestError);
  });

  it('configChanges lists every part that differs', () => {
    const before = shop();
    const after = {
      ...before,
      name: 'Other',
      open: true,
      menu: [],
      limits: { ...before.limits, capacity: 1 },
    };
    expect(configChanges(before, after)).toEqual(['name', 'open', 'menu', 'limits']);
  });
});

describe('configChangedEvent', () => {
  it('announces a change with the new config', () => {
    const update = setShopOpen(shop(), true);
    const event = configChangedEvent(update);
    expect(event).toEqual({
      type: EventType.ConfigChanged,
      detail: { shopId: 'main', changes: ['open'], config: update.config },
    });
    expect(CoffeeEventSchema.parse(event)).toEqual(event);
  });

  it('announces nothing when nothing changed', () => {
    expect(configChangedEvent(setShopOpen(shop(), false))).toBeUndefined();
  });
});
