import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Api,
  IDEMPOTENCY_KEY_HEADER,
  isFinalState,
  type Order,
  OrderState,
  pathFor,
  type ShopConfig,
} from '@coffee/backend/contracts';
import { seeded } from '../shop-harness.js';
import { summarize } from '../stats.js';
import type { ShopClient } from './shop-client.js';

/** How the rush goes. */
export interface RushOptions {
  shopId: string;
  /** How long customers keep arriving. */
  durationSeconds: number;
  /** Mean arrivals per minute (a Poisson process). */
  customersPerMinute: number;
  /** Share of customers who cancel after ordering. */
  cancelShare: number;
  /** Share of customers who never choose a drink (the customer timeout ends their order). */
  walkAwayShare: number;
  baristas: number;
  /** Mean time a barista takes for a drink. */
  makeSeconds: number;
  /** Mean time a customer takes to choose. */
  chooseSeconds: number;
  baristaPassword: string;
  displayPassword: string;
  seed: number;
}

/** What happened to the customers of a rush, as it goes and at its end. */
export interface RushTally {
  arrived: number;
  ordered: number;
  /** Turned away before an order existed, by code (`token-used-up`, `queue-full`, ...). */
  refused: Record<string, number>;
  rejected: number;
  completed: number;
  cancelled: number;
  timedOut: number;
  /** Orders not yet ended. */
  open: number;
  /** Seconds from the drink chosen to ready, for each completed order. */
  waits: number[];
  /** Faults: 5xx answers or network errors. */
  faults: number;
}

/**
 * Virtual customers arrive at random (`customersPerMinute`), scan the code the display shows, order,
 * choose a drink from the menu (or cancel, or walk away), and wait for it; virtual baristas claim
 * the oldest order in the queue, take `makeSeconds` over it, and complete it. Everything goes
 * through the shop's public API, so a rush can rehearse a deployed stack as well as the local one.
 * `onProgress` is called about every second with the running tally.
 */
export async function simulateRush(
  shop: ShopClient,
  options: RushOptions,
  onProgress: (tally: RushTally, elapsedSeconds: number) => void = () => undefined,
): Promise<RushTally> {
  const random = seeded(options.seed);
  const around = (mean: number) => mean * (0.5 + random());
  const tally: RushTally = {
    arrived: 0,
    ordered: 0,
    refused: {},
    rejected: 0,
    completed: 0,
    cancelled: 0,
    timedOut: 0,
    open: 0,
    waits: [],
    faults: 0,
  };
  const [barista, display] = await Promise.all([
    shop.signIn('barista', options.baristaPassword),
    shop.signIn('display', options.displayPassword),
  ]);
  const config = (await shop.call('GET', pathFor(Api.getShopConfig, { shopId: options.shopId }), display))
    .body as unknown as ShopConfig;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let arriving = true;
  const progress = setInterval(() => onProgress(tally, elapsed()), 1000);

  const guarded = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch {
      tally.faults++;
      return undefined;
    }
  };

  const customer = async () => {
    tally.arrived++;
    const token = await shop.newCustomer();
    const code = await shop.call('GET', pathFor(Api.getQrCode, { shopId: options.shopId }), display);
    const placed = await shop.call('POST', pathFor(Api.placeOrder, { shopId: options.shopId }), token, {
      body: { token: code.body.token },
      headers: { [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
    });
    if (placed.status >= 500) tally.faults++;
    if (placed.status !== 202) {
      const reason = String((placed.body.error as { code?: string } | undefined)?.code ?? placed.status);
      tally.refused[reason] = (tally.refused[reason] ?? 0) + 1;
      return;
    }
    tally.ordered++;
    tally.open++;
    const orderId = String(placed.body.orderId);
    const order = await untilState(shop, orderId, token, (o) => o.state !== OrderState.Pending);
    if (order.state === OrderState.Created) {
      await sleep(around(options.chooseSeconds) * 1000);
      const choice = random();
      if (choice < options.cancelShare) {
        await shop.call('POST', pathFor(Api.cancelOrder, { orderId }), token, { body: {} });
      } else if (choice >= options.cancelShare + options.walkAwayShare) {
        await shop.call('PUT', pathFor(Api.submitDrink, { orderId }), token, {
          body: pickDrink(config, random),
        });
      }
    }
    const chosenAt = performance.now();
    const final = await untilState(shop, orderId, token, (o) => isFinalState(o.state));
    tally.open--;
    if (final.state === OrderState.Ready) {
      tally.completed++;
      tally.waits.push((performance.now() - chosenAt) / 1000);
    } else if (final.state === OrderState.Rejected) tally.rejected++;
    else if (final.by === 'timeout') tally.timedOut++;
    else tally.cancelled++;
  };

  const baristaAtWork = async () => {
    while (arriving || tally.open > 0) {
      const queue = await shop.call(
        'GET',
        `${pathFor(Api.listShopOrders, { shopId: options.shopId })}?state=${OrderState.Submitted}`,
        barista,
      );
      const next = (queue.body.orders as Order[] | undefined)?.[0];
      if (!next) {
        await sleep(500);
        continue;
      }
      const claimed = await shop.call('POST', pathFor(Api.makeOrder, { orderId: next.orderId }), barista, {
        body: {},
      });
      if (claimed.status !== 200) continue;
      await sleep(around(options.makeSeconds) * 1000);
      await shop.call('POST', pathFor(Api.completeOrder, { orderId: next.orderId }), barista, { body: {} });
    }
  };

  const customers: Promise<unknown>[] = [];
  const baristas = Array.from({ length: options.baristas }, () => guarded(baristaAtWork));
  while (elapsed() < options.durationSeconds) {
    customers.push(guarded(customer));
    await sleep(-Math.log(1 - random()) * (60_000 / options.customersPerMinute));
  }
  await Promise.all(customers);
  arriving = false;
  await Promise.all(baristas);
  clearInterval(progress);
  onProgress(tally, elapsed());
  return tally;
}

/** A menu drink that is available, with a random option of each of its modifiers. */
function pickDrink(config: ShopConfig, random: () => number) {
  const available = config.menu.filter((drink) => drink.available);
  const drink = available[Math.floor(random() * available.length)] ?? config.menu[0];
  if (!drink) throw new Error('The shop has no menu');
  const modifiers = Object.fromEntries(
    drink.modifiers.map((modifier) => [
      modifier.id,
      modifier.options[Math.floor(random() * modifier.options.length)],
    ]),
  );
  return { drinkId: drink.id, modifiers };
}

/** Polls the order until `done` holds. */
async function untilState(
  shop: ShopClient,
  orderId: string,
  token: string,
  done: (order: Order) => boolean,
): Promise<Order> {
  for (;;) {
    const read = await shop.call('GET', pathFor(Api.getOrder, { orderId }), token);
    if (read.status === 200 && done(read.body as unknown as Order)) return read.body as unknown as Order;
    await sleep(1000);
  }
}

/** One line about the rush so far, for a terminal's progress line. */
export function progressLine(tally: RushTally, elapsedSeconds: number): string {
  const refused = Object.values(tally.refused).reduce((sum, n) => sum + n, 0);
  const wait = tally.waits.length > 0 ? `, wait p50 ${summarize(tally.waits).p50.toFixed(0)} s` : '';
  return (
    `${elapsedSeconds.toFixed(0)} s: ${tally.arrived} arrived, ${tally.ordered} ordered, ${tally.open} open, ` +
    `${tally.completed} ready, ${tally.cancelled} cancelled, ${tally.timedOut} timed out, ${refused} turned away${wait}`
  );
}

/** The rush's summary, for the end of a run. */
export function summaryLines(tally: RushTally): string[] {
  const waits = tally.waits.length > 0 ? summarize(tally.waits) : undefined;
  const p90 = waits
    ? [...tally.waits].sort((a, b) => a - b)[Math.ceil(tally.waits.length * 0.9) - 1]
    : undefined;
  return [
    `customers arrived: ${tally.arrived}`,
    `orders placed:     ${tally.ordered}`,
    `  ready:           ${tally.completed}`,
    `  cancelled:       ${tally.cancelled}`,
    `  timed out:       ${tally.timedOut}`,
    `  rejected:        ${tally.rejected}`,
    `turned away:       ${JSON.stringify(tally.refused)}`,
    waits
      ? `wait, drink chosen → ready: p50 ${waits.p50.toFixed(1)} s, p90 ${p90?.toFixed(1)} s, max ${waits.max.toFixed(1)} s`
      : 'wait: no order completed',
    `faults (5xx or network): ${tally.faults}`,
  ];
}
