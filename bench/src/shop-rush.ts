import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Api,
  EventType,
  IDEMPOTENCY_KEY_HEADER,
  type PlaceOrderResponse,
  pathFor,
  shopQueueTopic,
} from '@coffee/backend/contracts';
import { DisplayedCode } from './displayed-code.js';
import { type BenchCustomer, type MessageWaiter, SHOP, type ShopHarness, seeded } from './shop-harness.js';
import { type LatencySummary, summarize } from './stats.js';

/** How the customers of a rush behave. */
export interface RushPlan {
  customers: number;
  /** Orders per customer, one after the other. */
  rounds: number;
  /** The customers' first scans are spread over this window (0: all at the same instant). */
  arrivalWindowMs: number;
  /** A person's pause between steps (reading the menu, walking to the counter), on average. */
  thinkMs: number;
}

/** What a rush measured. */
export interface ShopRushResult extends RushPlan {
  orders: number;
  /** `POST /api/shops/main/orders` sent → its 202. */
  scanToAccepted: LatencySummary;
  /** `PUT /api/orders/{id}/drink` sent → `WaitingCompletion` of that order on the queue topic. */
  submitToQueue: LatencySummary;
  /** The raw samples, for the latency plot. */
  samples: { scanToAccepted: number[]; submitToQueue: number[] };
  /** Complete order life cycles (scan to `OrderFinished`) per second over the run. */
  lifecyclesPerSecond: number;
  /** CPU of the shop's process, % of one core. */
  cpuPercent: number;
  peakRssMiB: number;
}

const DRINK = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };

/** The two latencies of one order's life cycle, in milliseconds. */
interface LifecycleTimes {
  scanToAccepted: number;
  submitToQueue: number;
}

/**
 * One order from scan to pickup: the customer reads the display's code and posts it with an
 * `Idempotency-Key`, as the customer app does (timed to the 202), waits for WorkflowStarted on their topic, pauses, puts the drink (timed until the order's
 * WaitingCompletion reaches the display's queue subscription); the barista makes and completes
 * it after pauses; the customer waits for OrderFinished.
 */
export async function orderLifecycle(
  shop: ShopHarness,
  customer: BenchCustomer,
  queue: MessageWaiter,
  pause: () => Promise<unknown>,
  display: DisplayedCode,
): Promise<LifecycleTimes> {
  const token = await display.token();
  const scanned = performance.now();
  const { orderId } = await shop.call<PlaceOrderResponse>(
    'POST',
    pathFor(Api.placeOrder, { shopId: SHOP }),
    customer.token,
    { token },
    // As the customer app sends it: a fresh key per scan.
    { [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
  );
  const scanToAccepted = performance.now() - scanned;
  await customer.mine.waitFor(orderId, EventType.WorkflowStarted);
  await pause();
  const submitted = performance.now();
  const queued = queue.waitFor(orderId, EventType.WaitingCompletion);
  await shop.call('PUT', pathFor(Api.submitDrink, { orderId }), customer.token, DRINK);
  await queued;
  const submitToQueue = performance.now() - submitted;
  await pause();
  await shop.call('POST', pathFor(Api.makeOrder, { orderId }), shop.barista, {});
  await pause();
  await shop.call('POST', pathFor(Api.completeOrder, { orderId }), shop.barista, {});
  await customer.mine.waitFor(orderId, EventType.OrderFinished);
  return { scanToAccepted, submitToQueue };
}

/**
 * Runs the shop as `npm start` does (the backend's declaration on a fresh data folder) and sends
 * `customers` customers through `rounds` orders each, arriving within `arrivalWindowMs`, each
 * pausing between steps as a person does (see {@link orderLifecycle}); the customer orders again
 * once the last order ended (one open order at a time). Pauses are ±50% around `thinkMs`, drawn
 * from a seeded generator, so runs are comparable.
 */
export async function measureShopRush(shop: ShopHarness, plan: RushPlan): Promise<ShopRushResult> {
  const random = seeded(42);
  const pause = () => (plan.thinkMs === 0 ? Promise.resolve() : sleep(plan.thinkMs * (0.5 + random())));
  const queue = await shop.subscribe(shop.display, shopQueueTopic(SHOP));
  const display = new DisplayedCode(shop);
  const people = await shop.newCustomers(plan.customers);
  const times: LifecycleTimes[] = [];
  const measured = await shop
    .measure(() =>
      Promise.all(
        people.map(async (customer) => {
          await sleep(random() * plan.arrivalWindowMs);
          for (let round = 0; round < plan.rounds; round++)
            times.push(await orderLifecycle(shop, customer, queue, pause, display));
        }),
      ),
    )
    // The rush's people and display leave: the next rush meets a shop with one display watching
    // the queue, as a shop has, not one more for every rush before it.
    .finally(() =>
      Promise.all([queue, ...people.map((person) => person.mine)].map((waiter) => waiter.close())),
    );
  const samples = {
    scanToAccepted: times.map((t) => t.scanToAccepted),
    submitToQueue: times.map((t) => t.submitToQueue),
  };
  return {
    ...plan,
    orders: times.length,
    scanToAccepted: summarize(samples.scanToAccepted),
    submitToQueue: summarize(samples.submitToQueue),
    samples,
    lifecyclesPerSecond: times.length / (measured.elapsedMs / 1000),
    cpuPercent: measured.cpuPercent,
    peakRssMiB: measured.peakRssMiB,
  };
}
