import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws } from '../src/aws/clients.js';
import { names } from '../src/aws/config.js';
import { changeShopConfig } from '../src/config/config-service.js';
import { setShopOpen } from '../src/config/domain/shop-config.js';
import {
  configuredShopConfig,
  createShop,
  loadShop,
  readShop,
  saveShopConfig,
  toShopConfig,
} from '../src/config/shop-store.js';
import { DEFAULT_LIMITS, DEFAULT_SHOP_NAME, DEMO_MENU } from '../src/contracts/config.js';
import { EventType } from '../src/contracts/events.js';
import { InternalError, NotFoundError } from '../src/errors.js';
import { type ApiCloud, type EventLog, startApiCloud } from './support/api-cloud.js';

let bed: ApiCloud;
let changes: EventLog;
beforeAll(async () => {
  bed = await startApiCloud('config-store');
  changes = await bed.listen(EventType.ConfigChanged);
});
afterAll(async () => {
  await bed?.stop();
});

describe('the default shop', () => {
  it('is created once when many first readers race for it', async () => {
    const env = { COFFEE_CAPACITY: '7' };

    const items = await Promise.all(Array.from({ length: 10 }, () => loadShop('main', env)));

    const [first] = items;
    expect(items.map((item) => item.codeSecret)).toEqual(items.map(() => first?.codeSecret));
    expect(await readShop('main')).toEqual(first);
    expect(first).toMatchObject({
      shopId: 'main',
      name: DEFAULT_SHOP_NAME,
      open: true,
      menu: DEMO_MENU,
      limits: { ...DEFAULT_LIMITS, capacity: 7 },
      orderNumber: 0,
      configVersion: 0,
    });
    expect(first?.slotHolders).toBeUndefined();
    expect(first?.codeSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    [{}, DEFAULT_LIMITS],
    [
      { COFFEE_DRINKS_PER_CODE: '4', COFFEE_BARISTA_TIMEOUT_SECONDS: '600' },
      { ...DEFAULT_LIMITS, drinksPerCode: 4, baristaTimeoutSeconds: 600 },
    ],
  ])('takes its first limits from the environment: %j', (env, limits) => {
    expect(configuredShopConfig('main', env)?.limits).toEqual(limits);
  });

  it('refuses a bad variable as a fault of the deployment (500), naming it', () => {
    expect(() => configuredShopConfig('main', { COFFEE_CODE_SECONDS: 'soon' })).toThrow(InternalError);
    expect(() => configuredShopConfig('main', { COFFEE_CODE_SECONDS: 'soon' })).toThrow(
      /COFFEE_CODE_SECONDS/,
    );
  });
});

describe('the shops of COFFEE_SHOPS', () => {
  it('are created on their first read, open, with their name and the COFFEE_* limits; an unlisted one is not', async () => {
    const env = { COFFEE_SHOPS: 'terrace-bar=Terrace bar', COFFEE_CAPACITY: '9' };

    const terrace = await loadShop('terrace-bar', env);

    expect(terrace).toMatchObject({
      shopId: 'terrace-bar',
      name: 'Terrace bar',
      open: true,
      menu: DEMO_MENU,
      limits: { ...DEFAULT_LIMITS, capacity: 9 },
    });
    expect(await readShop('terrace-bar')).toEqual(terrace);
    await expect(loadShop('stage-bar', env)).rejects.toThrow(NotFoundError);
    expect(await readShop('stage-bar')).toBeUndefined();
  });
});

describe('other shops', () => {
  it('do not exist until created', async () => {
    await expect(loadShop('corner')).rejects.toThrow(NotFoundError);
    expect(await readShop('corner')).toBeUndefined();
  });

  it('are created with their own secret, and never overwritten', async () => {
    const created = await createShop({ shopId: 'corner', name: 'Corner bar' });
    const again = await createShop({ shopId: 'corner', name: 'Renamed', open: true });

    expect(created.created).toBe(true);
    expect(again).toEqual({ created: false, item: created.item });
    expect(created.item.codeSecret).not.toBe((await loadShop('main')).codeSecret);
    expect(toShopConfig(await loadShop('corner'))).toEqual({
      shopId: 'corner',
      name: 'Corner bar',
      open: false,
      menu: DEMO_MENU,
      limits: DEFAULT_LIMITS,
    });
  });
});

describe('config writes', () => {
  it('leave the counters and the secret to the order workflow', async () => {
    const before = await loadShop('main');
    // The workflow reserves a slot and numbers an order on the same item meanwhile.
    await aws.dynamodb().update({
      TableName: names.shopsTable(),
      Key: { shopId: 'main' },
      UpdateExpression: 'ADD slotHolders :holder, orderNumber :one',
      ExpressionAttributeValues: { ':holder': new Set(['order-1']), ':one': 1 },
    });

    const config = await changeShopConfig(before, (current) => setShopOpen(current, false));

    const after = await loadShop('main');
    expect(config.open).toBe(false);
    expect(after).toMatchObject({
      open: false,
      slotHolders: new Set(['order-1']),
      orderNumber: 1,
      codeSecret: before.codeSecret,
    });
    expect(after.configVersion).toBe(before.configVersion + 1);
  });

  it('refuse a write over a stale version, which the service then reapplies on a fresh read', async () => {
    const stale = await loadShop('main');
    await changeShopConfig('main', (current) => setShopOpen(current, true));

    expect(await saveShopConfig(stale, { ...toShopConfig(stale), name: 'Lost update' })).toBeUndefined();
    const config = await changeShopConfig(stale, (current) => ({
      config: { ...current, name: 'Kept' },
      changes: ['name'],
    }));
    expect(config).toMatchObject({ name: 'Kept', open: true });
  });

  it('announce each change once, with the parts that changed and the config after', async () => {
    await changes.waitFor(3);
    expect(changes.events.map((event) => event.detail)).toEqual([
      { shopId: 'main', changes: ['open'], config: expect.objectContaining({ open: false }) },
      { shopId: 'main', changes: ['open'], config: expect.objectContaining({ open: true }) },
      { shopId: 'main', changes: ['name'], config: expect.objectContaining({ name: 'Kept', open: true }) },
    ]);
  });
});
