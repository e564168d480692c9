import { setTimeout as sleep } from 'node:timers/promises';
import {
  Api,
  EventType,
  type PlaceOrderResponse,
  pathFor,
  type QrCodeResponse,
  shopQueueTopic,
} from '@coffee/backend/contracts';
import { DisplayedCode } from './displayed-code.js';
import { type BenchCustomer, SHOP, type ShopHarness } from './shop-harness.js';
import { orderLifecycle } from './shop-rush.js';
import { type LatencySummary, summarize } from './stats.js';

/** The shop measured with a number of orders open and waiting. */
export interface OpenOrdersLevel {
  openOrders: number;
  scanToAccepted: LatencySummary;
  submitToQueue: LatencySummary;
  lifecyclesPerSecond: number;
  cpuPercent: number;
  rssMiB: number;
}

/**
 * How the shop's latency, CPU and memory grow with the orders open in it: for each level, that many
 * customers have ordered and are still choosing (each order an execution waiting on its task
 * token, a slot of the barista queue taken), then `probes` other customers go through whole life
 * cycles, `concurrency` at a time, without pauses.
 */
export async function measureOpenOrders(
  shop: ShopHarness,
  levels: number[],
  probes: number,
  concurrency: number,
): Promise<OpenOrdersLevel[]> {
  await shop.call('PUT', pathFor(Api.updateLimits, { shopId: SHOP }), shop.barista, {
    capacity: Math.max(...levels) + concurrency,
    customerTimeoutSeconds: 3600,
  });
  const rows: OpenOrdersLevel[] = [];
  const queue = await shop.subscribe(shop.display, shopQueueTopic(SHOP));
  let open = 0;
  for (const level of levels) {
    const waiting = await shop.newCustomers(level - open);
    for (let i = 0; i < waiting.length; i += 25) {
      await Promise.all(waiting.slice(i, i + 25).map((customer) => leaveOpenOrder(shop, customer)));
    }
    open = level;
    const probing = await shop.newCustomers(probes);
    await sleep(500);
    const times: Array<{ scanToAccepted: number; submitToQueue: number }> = [];
    const display = new DisplayedCode(shop);
    let next = 0;
    const measured = await shop.measure(() =>
      Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < probing.length) {
            const customer = probing[next++];
            if (customer)
              times.push(await orderLifecycle(shop, customer, queue, () => Promise.resolve(), display));
          }
        }),
      ),
    );
    rows.push({
      openOrders: level,
      scanToAccepted: summarize(times.map((t) => t.scanToAccepted)),
      submitToQueue: summarize(times.map((t) => t.submitToQueue)),
      lifecyclesPerSecond: times.length / (measured.elapsedMs / 1000),
      cpuPercent: measured.cpuPercent,
      rssMiB: measured.peakRssMiB,
    });
  }
  return rows;
}

/** The customer scans and orders, and is admitted; then walks away, leaving the order open. */
async function leaveOpenOrder(shop: ShopHarness, customer: BenchCustomer): Promise<void> {
  const code = await shop.call<QrCodeResponse>('GET', pathFor(Api.getQrCode, { shopId: SHOP }), shop.display);
  const { orderId } = await shop.call<PlaceOrderResponse>(
    'POST',
    pathFor(Api.placeOrder, { shopId: SHOP }),
    customer.token,
    { token: code.token },
  );
  await customer.mine.waitFor(orderId, EventType.WorkflowStarted);
}
