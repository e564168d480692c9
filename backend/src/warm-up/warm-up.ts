import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createShop } from '../config/shop-store.js';
import { Api, IDEMPOTENCY_KEY_HEADER } from '../contracts/api.js';
import type { Limits, Menu } from '../contracts/config.js';
import { type DrinkChoice, type Order, OrderState } from '../contracts/orders.js';
import { StaffGroup } from '../contracts/roles.js';
import { ordersOfUser } from '../orders/order-store.js';
import { callRoute } from './in-process-api.js';
import { type ScratchAccount, ScratchAccounts } from './scratch-accounts.js';
import { deleteScratchShop, endOrders, type ScratchShopTrace } from './scratch-shop.js';

/**
 * How many customers order at once, and how many orders each places one after another. These 50
 * orders took a just-started shop's first compressed rush from a p99 of 66.5 ms (scan → accepted)
 * and 69.6 ms (drink → queue) to 38.5 and 45.4 ms (`npm run bench`, the median of 3 fresh shops
 * each, started with and without the warm-up).
 */
export const WARM_UP_CUSTOMERS = 10;
export const WARM_UP_ROUNDS = 5;

/** The warm-up's scratch shops are `warm-up-<random>`, and its accounts' names start so too. */
const WARM_UP_SHOPS = 'warm-up-';

/**
 * The `Idempotency-Key` of each customer's orders, one per round: the same for every run (the keys
 * are the customer's own, and each run has new customers), so the replies kept for them are
 * found again even by the run that clears an interrupted one.
 */
const ORDER_KEYS = Array.from({ length: WARM_UP_ROUNDS }, (_, round) => `warm-up-order-${round}`);

/** Limits no warm-up reaches; short timeouts, so that a warm-up cut off by a crash ends soon after. */
const SCRATCH_LIMITS: Limits = {
  drinksPerCode: 5000,
  codeSeconds: 300,
  capacity: 1000,
  dailyLimit: 100,
  customerTimeoutSeconds: 30,
  baristaTimeoutSeconds: 60,
};

/** How long a step may wait for the workflow before the warm-up gives up. */
const STEP_TIMEOUT_MS = 30_000;
const POLL_MS = 10;

/**
 * The local cloud's start-up warm-up (`warmUp` in `resources.ts`): real orders through the whole
 * shop before its first customer, so that V8 has compiled the code a rush runs — the API, the
 * workflow, the token recorder, the publisher and the services under them. A just-started
 * process runs that code cold, and its first rush was the slow one.
 *
 * {@link WARM_UP_CUSTOMERS} customers each order {@link WARM_UP_ROUNDS} drinks as the apps would:
 * scan the code the barista's screen shows, wait to be admitted, choose a drink, and the barista
 * makes and completes it. They order at a shop of their own (`warm-up-<random>`), so no app of
 * the real shops sees them, as accounts of their own. The shop's items and the accounts are
 * deleted at the end, and so is what an interrupted warm-up left; only the finished executions
 * stay, in Step Functions' history. Answers what it did.
 */
export async function handler(): Promise<string> {
  const shopId = `${WARM_UP_SHOPS}${randomUUID().slice(0, 8)}`;
  // The accounts first and deleted last: they are how the next run finds what a crash left.
  const accounts = new ScratchAccounts(shopId);
  const trace: ScratchShopTrace = { shopId, orderIds: [], customers: [], idempotencyKeys: ORDER_KEYS };
  let barista: ScratchAccount | undefined;
  let cleared = 0;
  try {
    barista = await accounts.create('barista', [StaffGroup.barista]);
    cleared = await clearInterruptedWarmUps(accounts, barista);
    await createShop({ shopId, name: 'Warm-up', open: true, limits: SCRATCH_LIMITS });
    const customers = await Promise.all(
      Array.from({ length: WARM_UP_CUSTOMERS }, (_, i) => accounts.create(`customer-${i}`)),
    );
    trace.customers.push(...customers.map((customer) => customer.sub));
    await orderAllAtOnce(trace, barista, customers);
  } finally {
    try {
      if (barista) await clearScratchShop(trace, barista);
    } finally {
      await accounts.deleteAll();
    }
  }
  const summary = `${trace.orderIds.length} orders at a scratch shop, cleared away`;
  return cleared === 0 ? summary : `${summary}, and ${cleared} left by interrupted warm-ups`;
}

/**
 * Clears what warm-ups cut off part-way (a crash, or Ctrl-C while starting) left, found by the
 * accounts they had made: their orders are cancelled and their executions waited for, their items
 * deleted, and their accounts adopted, to be deleted with this run's. Answers how many shops it
 * cleared.
 */
async function clearInterruptedWarmUps(accounts: ScratchAccounts, barista: ScratchAccount): Promise<number> {
  const leftovers = await accounts.adoptLeftovers(WARM_UP_SHOPS);
  for (const [shopId, left] of leftovers) {
    const customers = left.map((account) => account.sub);
    const orders = (await Promise.all(customers.map((userId) => ordersOfUser(userId)))).flat();
    await clearScratchShop(
      {
        shopId,
        orderIds: orders.filter((order) => order.shopId === shopId).map((order) => order.orderId),
        customers,
        idempotencyKeys: ORDER_KEYS,
      },
      barista,
    );
  }
  return leftovers.size;
}

/** Ends a scratch shop's orders (those still open cancelled by `barista`), then deletes its items. */
async function clearScratchShop(trace: ScratchShopTrace, barista: ScratchAccount): Promise<void> {
  const cancel = (orderId: string) =>
    callRoute(Api.cancelOrder, barista.idToken, { params: { orderId }, body: {} });
  await endOrders(trace.orderIds, cancel, STEP_TIMEOUT_MS);
  await deleteScratchShop(trace);
}

/** Every customer orders {@link WARM_UP_ROUNDS} drinks, one after another, all customers at once. */
async function orderAllAtOnce(
  trace: ScratchShopTrace,
  barista: ScratchAccount,
  customers: readonly ScratchAccount[],
): Promise<void> {
  const { menu } = await callRoute(Api.getShopConfig, barista.idToken, { params: { shopId: trace.shopId } });
  await Promise.all(
    customers.map(async (customer, c) => {
      for (let round = 0; round < WARM_UP_ROUNDS; round++)
        await orderOneDrink(trace, customer, barista, round, drinkFrom(menu, c * WARM_UP_ROUNDS + round));
    }),
  );
}

/** One order's life cycle, as the customer and barista apps drive it. */
async function orderOneDrink(
  trace: ScratchShopTrace,
  customer: ScratchAccount,
  barista: ScratchAccount,
  round: number,
  drink: DrinkChoice,
): Promise<void> {
  const shopId = trace.shopId;
  const { token } = await callRoute(Api.getQrCode, barista.idToken, { params: { shopId } });
  const placed = await callRoute(Api.placeOrder, customer.idToken, {
    params: { shopId },
    body: { token },
    headers: { [IDEMPOTENCY_KEY_HEADER]: ORDER_KEYS[round] as string },
  });
  const orderId = placed.orderId;
  trace.orderIds.push(orderId);
  await orderUntil(orderId, customer, (order) => order.state !== OrderState.Pending);
  await callRoute(Api.submitDrink, customer.idToken, { params: { orderId }, body: drink });
  await orderUntil(orderId, customer, (order) => order.orderNumber !== undefined);
  await callRoute(Api.makeOrder, barista.idToken, { params: { orderId }, body: {} });
  await callRoute(Api.completeOrder, barista.idToken, { params: { orderId }, body: {} });
}

/** Reads the order as its customer's app does until `done` holds. */
async function orderUntil(orderId: string, customer: ScratchAccount, done: (order: Order) => boolean) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (!done(await callRoute(Api.getOrder, customer.idToken, { params: { orderId } }))) {
    if (Date.now() > deadline) throw new Error(`Order ${orderId} did not move on in ${STEP_TIMEOUT_MS} ms`);
    await sleep(POLL_MS);
  }
}

/** The `n`-th drink of the menu, round the menu, with the last option of each of its modifiers. */
function drinkFrom(menu: Menu, n: number): DrinkChoice {
  const drink = menu[n % menu.length];
  if (!drink) throw new Error('The warm-up shop has no menu');
  return {
    drinkId: drink.id,
    modifiers: Object.fromEntries(
      drink.modifiers.map((modifier) => [
        modifier.id,
        modifier.options[modifier.options.length - 1] as string,
      ]),
    ),
  };
}
