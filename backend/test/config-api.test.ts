import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws } from '../src/aws/clients.js';
import { names } from '../src/aws/config.js';
import { createShop } from '../src/config/shop-store.js';
import { Api, pathFor } from '../src/contracts/api.js';
import {
  DEFAULT_LIMITS,
  DEFAULT_SHOP_NAME,
  DEMO_MENU,
  type ShopConfig,
  ShopConfigSchema,
} from '../src/contracts/config.js';
import { EventType } from '../src/contracts/events.js';
import { type ApiCloud, type EventLog, errorOf, startApiCloud } from './support/api-cloud.js';

// The default shop takes its first limits from the environment when it is created (lazily, on
// its first read); in process, the local cloud's functions share this environment.
process.env.COFFEE_DAILY_LIMIT = '3';

let bed: ApiCloud;
let barista: string;
let changes: EventLog;
const main = (route: 'config' | 'open' | 'limits') =>
  pathFor(Api.getShopConfig, { shopId: 'main' }).replace(/config$/, route);
const drink = (drinkId: string, shopId = 'main') => pathFor(Api.setDrinkAvailability, { shopId, drinkId });

beforeAll(async () => {
  bed = await startApiCloud('config-api');
  barista = await bed.idToken('barista');
  changes = await bed.listen(EventType.ConfigChanged);
});
afterAll(async () => {
  await bed?.stop();
});

async function config(shopId = 'main'): Promise<ShopConfig> {
  const response = await bed.call('GET', pathFor(Api.getShopConfig, { shopId }));
  expect(response.status).toBe(200);
  return ShopConfigSchema.parse(await response.json());
}

describe('GET /api/shops/{shopId}/config', () => {
  it('answers anyone the default shop, created on first read: open, the demo menu, env limits', async () => {
    const response = await bed.call('GET', main('config'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({
      shopId: 'main',
      name: DEFAULT_SHOP_NAME,
      open: true,
      menu: DEMO_MENU,
      limits: { ...DEFAULT_LIMITS, dailyLimit: 3 },
    });
  });

  it('lists exactly DESIGN’s fields: no secret, no counters', async () => {
    // Arrange: counters the order workflow keeps on the shop item (a slot held, a number issued)
    await config();
    await aws.dynamodb().update({
      TableName: names.shopsTable(),
      Key: { shopId: 'main' },
      UpdateExpression: 'ADD slotHolders :holder, orderNumber :one',
      ExpressionAttributeValues: { ':holder': new Set(['order-1']), ':one': 1 },
    });

    const body = (await (await bed.call('GET', main('config'))).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['limits', 'menu', 'name', 'open', 'shopId']);
    expect(JSON.stringify(body)).not.toMatch(/codeSecret|slotHolders|orderNumber|configVersion/);
  });

  it.each(['nope', 'bad.id', 'a%2Fb'])('answers 404 not-found for the shop %j', async (shopId) => {
    const error = await errorOf(await bed.call('GET', `/api/shops/${shopId}/config`));
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('answers a shop that was created, and creating it again changes nothing', async () => {
    const first = await createShop({
      shopId: 'pop-up',
      name: 'Pop-up bar',
      open: true,
      menu: DEMO_MENU.slice(0, 2),
    });
    const second = await createShop({ shopId: 'pop-up', name: 'Another name' });

    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, item: first.item });
    expect(await config('pop-up')).toEqual({
      shopId: 'pop-up',
      name: 'Pop-up bar',
      open: true,
      menu: DEMO_MENU.slice(0, 2),
      limits: DEFAULT_LIMITS,
    });
  });
});

describe('barista changes, seen in GET config and announced on the bus', () => {
  it('closes and opens the shop', async () => {
    const before = changes.events.length;

    const closed = await bed.call('PUT', main('open'), { token: barista, body: { open: false } });
    expect(closed.status).toBe(200);
    expect(ShopConfigSchema.parse(await closed.json()).open).toBe(false);
    expect((await config()).open).toBe(false);

    const opened = await bed.call('PUT', main('open'), { token: barista, body: { open: true } });
    expect(ShopConfigSchema.parse(await opened.json()).open).toBe(true);
    expect((await config()).open).toBe(true);

    const events = (await changes.waitFor(before + 2)).slice(before);
    expect(events.map((event) => [event['detail-type'], event.detail])).toEqual([
      [
        EventType.ConfigChanged,
        { shopId: 'main', changes: ['open'], config: expect.objectContaining({ open: false }) },
      ],
      [
        EventType.ConfigChanged,
        { shopId: 'main', changes: ['open'], config: expect.objectContaining({ open: true }) },
      ],
    ]);
    expect(events[0]?.source).toBe('coffee.shop');
  });

  it('marks a drink unavailable and available again', async () => {
    const before = changes.events.length;

    const off = await bed.call('PUT', drink('latte'), { token: barista, body: { available: false } });
    expect(off.status).toBe(200);
    const menu = (await config()).menu;
    expect(menu.find((item) => item.id === 'latte')?.available).toBe(false);
    expect(menu.filter((item) => !item.available).map((item) => item.id)).toEqual(['latte']);

    await bed.call('PUT', drink('latte'), { token: barista, body: { available: true } });
    expect((await config()).menu).toEqual(DEMO_MENU);

    const events = (await changes.waitFor(before + 2)).slice(before);
    expect(events.map((event) => event.detail)).toEqual([
      expect.objectContaining({ changes: ['menu'] }),
      expect.objectContaining({ changes: ['menu'], config: expect.objectContaining({ menu: DEMO_MENU }) }),
    ]);
  });

  it('changes some limits and leaves the others', async () => {
    const before = changes.events.length;

    const response = await bed.call('PUT', main('limits'), {
      token: barista,
      body: { capacity: 30, codeSeconds: 60 },
    });

    const expected = { ...DEFAULT_LIMITS, dailyLimit: 3, capacity: 30, codeSeconds: 60 };
    expect(response.status).toBe(200);
    expect(ShopConfigSchema.parse(await response.json()).limits).toEqual(expected);
    expect((await config()).limits).toEqual(expected);
    const [event] = (await changes.waitFor(before + 1)).slice(before);
    expect(event?.detail).toMatchObject({
      shopId: 'main',
      changes: ['limits'],
      config: { limits: expected },
    });
  });

  it('answers a change that changes nothing with the config, announcing nothing', async () => {
    const before = changes.events.length;

    const same = await bed.call('PUT', main('open'), { token: barista, body: { open: true } });
    const sameLimits = await bed.call('PUT', main('limits'), { token: barista, body: {} });
    // A real change after the no-ops: once it has arrived, anything the no-ops sent would have too.
    await bed.call('PUT', drink('mocha'), { token: barista, body: { available: false } });

    expect(same.status).toBe(200);
    expect(ShopConfigSchema.parse(await same.json()).open).toBe(true);
    expect(sameLimits.status).toBe(200);
    await changes.waitFor(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      changes.events.slice(before).map((event) => ('changes' in event.detail ? event.detail.changes : [])),
    ).toEqual([['menu']]);
    await bed.call('PUT', drink('mocha'), { token: barista, body: { available: true } });
  });

  it('lands every one of concurrent changes (none lost to a race)', async () => {
    const drinks = DEMO_MENU.map((item) => item.id);

    const answers = await Promise.all(
      drinks.map((id) => bed.call('PUT', drink(id), { token: barista, body: { available: false } })),
    );

    expect(answers.map((answer) => answer.status)).toEqual(drinks.map(() => 200));
    expect((await config()).menu.filter((item) => item.available)).toEqual([]);
    await Promise.all(
      drinks.map((id) => bed.call('PUT', drink(id), { token: barista, body: { available: true } })),
    );
    expect((await config()).menu).toEqual(DEMO_MENU);
  });

  it('changes a created shop, not the default one', async () => {
    await bed.call('PUT', pathFor(Api.setShopOpen, { shopId: 'pop-up' }), {
      token: barista,
      body: { open: true },
    });
    expect((await config('pop-up')).open).toBe(true);
    await bed.call('PUT', pathFor(Api.setShopOpen, { shopId: 'pop-up' }), {
      token: barista,
      body: { open: false },
    });
    expect((await config('pop-up')).open).toBe(false);
    expect((await config('main')).open).toBe(true);
  });
});

describe('refusals', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['open', main('open'), {}, /open/],
    ['open', main('open'), { open: 'yes' }, /open/],
    ['open', main('open'), { open: true, shop: 'main' }, /shop/],
    ['open', main('open'), undefined, /body/i],
    ['open', main('open'), [true], /body/i],
    ['menu', drink('latte'), { available: 1 }, /available/],
    ['menu', drink('latte'), { available: null }, /available/],
    ['limits', main('limits'), { capacity: 0 }, /capacity/],
    ['limits', main('limits'), { capacity: 2.5 }, /capacity/],
    ['limits', main('limits'), { capacity: '30' }, /capacity/],
    ['limits', main('limits'), { codeSeconds: 9 }, /codeSeconds/],
    ['limits', main('limits'), { capacty: 30 }, /capacty/],
    ['limits', main('limits'), { baristaTimeoutSeconds: 14_401 }, /baristaTimeoutSeconds/],
  ])('PUT %s %s %j → 400 invalid-request naming the problem', async (_, path, body, names) => {
    const before = await config();

    const error = await errorOf(await bed.call('PUT', path, { token: barista, body }));

    expect(error).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(error.message).toMatch(names);
    expect(await config()).toEqual(before);
  });

  it('answers a body that is not JSON with 400 invalid-request', async () => {
    const error = await errorOf(await bed.call('PUT', main('open'), { token: barista, raw: '{"open": tru' }));
    expect(error).toEqual({ status: 400, code: 'invalid-request', message: 'The body is not valid JSON.' });
  });

  it.each<[string, string]>([
    ['an unknown shop', pathFor(Api.setShopOpen, { shopId: 'nope' })],
    ['an unknown drink', drink('tea')],
    ['a malformed drink id', '/api/shops/main/menu/Latte!'],
    ['a drink of an unknown shop', drink('latte', 'nope')],
  ])('answers %s with 404 not-found, before judging the body', async (_, path) => {
    const error = await errorOf(
      await bed.call('PUT', path, { token: barista, body: { open: 'not even close' } }),
    );
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
  });
});
