import { randomUUID } from 'node:crypto';
import { publishEvent } from '../config/publish-event.js';
import { loadShop, openOrderCount, type ShopItem } from '../config/shop-store.js';
import {
  ErrorCode,
  IdempotencyKeySchema,
  type PlaceOrderResponse,
  type QrCodeResponse,
} from '../contracts/api.js';
import { EventType } from '../contracts/events.js';
import { orderLinkUrl } from '../contracts/order-link.js';
import { OrderState } from '../contracts/orders.js';
import {
  errorFor,
  InvalidRequestError,
  isCoffeeError,
  NotReadyError,
  QueueFullError,
  ShopClosedError,
  TokenUsedUpError,
} from '../errors.js';
import { getOrder } from '../orders/order-store.js';
import { giveBackDrink, remainingDrinks, takeDrink } from './code-store.js';
import { type CustomerItem, readCustomer, releaseCustomer, reserveCustomer } from './customer-store.js';
import { checkToken, currentCode, dayKey } from './domain/index.js';
import {
  claimKey,
  type IdempotencyItem,
  idempotencyKey,
  type RecordedAnswer,
  readKey,
  recordAnswer,
  releaseKey,
} from './idempotency-store.js';
import { type NewOrderRef, withdrawPendingOrder, writePendingOrder } from './pending-order.js';

/**
 * The code the shop's display shows now (DESIGN "QR codes"): its token, the customer app's URL
 * carrying it on `webOrigin`, when it rotates, and how many drinks it still admits — `0` once used
 * up, so that the display hides it and shows `expiresAt` as when the next opens.
 */
export async function qrCodeOf(shop: ShopItem, webOrigin: string, now = new Date()): Promise<QrCodeResponse> {
  const code = currentCode(shop.shopId, shop.limits.codeSeconds, shop.codeSecret, now);
  return {
    token: code.token,
    url: orderLinkUrl(webOrigin, { shopId: shop.shopId, token: code.token }),
    expiresAt: code.expiresAt.toISOString(),
    remaining: await remainingDrinks(shop.shopId, code.period, shop.limits.drinksPerCode),
  };
}

/**
 * The customer placing an order: their user id, the name the baristas call out, and their item at
 * the shop as read when the request arrived.
 */
export interface Customer {
  userId: string;
  name: string | undefined;
  known: CustomerItem | undefined;
}

/** A customer's request for an order at a shop, as the API received it. */
export interface OrderRequest {
  shopId: string;
  userId: string;
  /** The name the baristas call out. */
  name: string | undefined;
  /** The scanned token, read from the request's body (`invalid-request` when it has none). */
  token: () => Promise<string>;
  /** The raw `Idempotency-Key` header, if sent. */
  idempotencyKey: string | undefined;
}

/** How long a duplicate request waits for the first one's answer before answering `not-ready`. */
const DUPLICATE_WAIT_MS = 10_000;
const DUPLICATE_POLL_MS = 50;

/**
 * Places a customer's order from a scanned token, in DESIGN's order of checks: the shop (404), the
 * body (400), then the order flow (see {@link acceptOrder}). An `Idempotency-Key` (DESIGN "HTTP
 * API") is claimed in one conditional write naming the order the request will place, made
 * alongside the reads of the shop and the customer: one wait fewer for every scan. A request
 * refused before its order is judged (no such shop, no token) lets go of its key again, so that a
 * corrected retry is tried afresh. Otherwise the key's answer is the order once placed, or the
 * refusal it records: a repeat within 24 h answers that, using no second drink; a concurrent
 * repeat waits for it. A fault of the backend lets go of the key so that a retry is tried afresh.
 */
export async function placeOrder(request: OrderRequest, now = new Date()): Promise<PlaceOrderResponse> {
  const { shopId, userId } = request;
  const orderId = randomUUID();
  const parsedKey =
    request.idempotencyKey === undefined ? undefined : IdempotencyKeySchema.safeParse(request.idempotencyKey);
  const key = parsedKey?.success ? idempotencyKey(userId, parsedKey.data) : undefined;
  const claim = key === undefined ? undefined : claimKey(key, shopId, orderId, now);
  // Awaited after the reads: a fault meanwhile is not an unhandled rejection.
  claim?.catch(() => undefined);
  let read: { shop: ShopItem; customer: Customer; token: string };
  try {
    read = await readRequest(request);
  } catch (error) {
    const claimed = await claim?.then(
      (held) => held === undefined,
      () => false,
    );
    if (key !== undefined && claimed) await releaseKey(key);
    throw error;
  }
  if (parsedKey?.success === false)
    throw InvalidRequestError.fromZod(parsedKey.error, 'The Idempotency-Key header');
  const held = await claim;
  if (held) return replay(held, shopId);
  const { shop, customer, token } = read;
  if (key === undefined) return acceptOrder(shop, customer, token, orderId, now);
  try {
    return await acceptOrder(shop, customer, token, orderId, now);
  } catch (error) {
    if (isCoffeeError(error) && error.status < 500) {
      await recordAnswer(key, { kind: 'refusal', body: error.toBody() });
    } else {
      await releaseKey(key);
    }
    throw error;
  }
}

/** The shop (`not-found`), the customer's item there and the scanned token (`invalid-request`). */
async function readRequest({ shopId, userId, name, token }: OrderRequest) {
  const [shop, known] = await Promise.all([loadShop(shopId), readCustomer(shopId, userId)]);
  return { shop, customer: { userId, name, known }, token: await token() };
}

/** The first answer of a key, waited for while the first request is running. */
async function replay(held: IdempotencyItem, shopId: string): Promise<PlaceOrderResponse> {
  if (held.shopId !== shopId)
    throw new InvalidRequestError('This Idempotency-Key was used for an order at another shop.');
  let answer = await firstAnswer(held);
  const deadline = Date.now() + DUPLICATE_WAIT_MS;
  while (!answer && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, DUPLICATE_POLL_MS));
    const item = await readKey(held.key);
    // The key was let go of: the first request met a fault, and a retry is tried afresh.
    if (!item) break;
    answer = await firstAnswer(item);
  }
  if (!answer) throw new NotReadyError('The same request is still being answered. Try again in a moment.');
  if (answer.kind === 'order') return answer.body;
  const { code, message } = answer.body.error;
  if (code === ErrorCode.InvalidTransition) throw new InvalidRequestError(message);
  throw errorFor(code, message);
}

/**
 * The first request's answer, once it has one: its recorded refusal, or the order it placed, in
 * the state it is in now (the workflow may have admitted or rejected it since). The
 * order is placed once a workflow has claimed it: until then the first request may still withdraw
 * it (`Validator.NewOrder` could not be put).
 */
async function firstAnswer(item: IdempotencyItem): Promise<RecordedAnswer | undefined> {
  if (item.answer) return item.answer;
  if (item.orderId === undefined) return undefined;
  const order = await getOrder(item.orderId);
  if (!order || (order.state === OrderState.Pending && order.executionId === undefined)) return undefined;
  return { kind: 'order', body: { orderId: order.orderId, state: order.state } };
}

/**
 * Whether the order a customer's old reservation names was abandoned by an acceptance that died
 * midway (a crash between its steps, before the customer had an answer). An order never written
 * was. A `PENDING` order no execution has claimed may have lost its `Validator.NewOrder`: it is put
 * again — a second execution for the same order ends at once, the first claim winning — and the
 * order stays open; so no order the customer was told about is ever dropped.
 */
async function isAbandoned(orderId: string): Promise<boolean> {
  const order = await getOrder(orderId);
  if (!order) return true;
  if (order.state === OrderState.Pending && order.executionId === undefined) {
    await publishEvent({
      type: EventType.NewOrder,
      detail: { shopId: order.shopId, orderId: order.orderId, userId: order.userId },
    });
  }
  return false;
}

/**
 * The order flow's validator steps (backend/README "Order flow"), each refusing with its code:
 * the token (`token-invalid`, `token-expired`); the shop's state when already known
 * (`shop-closed`, `queue-full` — otherwise the workflow rejects the order); the customer reserved
 * in one conditional write (`order-open`, `limit-reached`); one drink taken from the code in one
 * conditional write (`token-used-up`, the customer's reservation undone); the order written
 * `PENDING`; `Validator.NewOrder` put. A fault midway undoes what was done before it.
 */
async function acceptOrder(
  shop: ShopItem,
  { userId, name, known }: Customer,
  token: string,
  orderId: string,
  now: Date,
): Promise<PlaceOrderResponse> {
  const { shopId } = shop;
  const accepted = checkToken(token, { shopId, secret: shop.codeSecret, now });
  if (typeof accepted === 'string') throw errorFor(accepted);
  if (!shop.open) throw new ShopClosedError();
  if (openOrderCount(shop) >= shop.limits.capacity) throw new QueueFullError();

  const ref: NewOrderRef = { shopId, orderId, userId };
  const problem = await reserveCustomer(
    shopId,
    userId,
    { orderId: ref.orderId, day: dayKey(now), dailyLimit: shop.limits.dailyLimit, now },
    isAbandoned,
    known,
  );
  if (problem) throw errorFor(problem);

  let drinkTaken = false;
  let orderWritten = false;
  try {
    drinkTaken = await takeDrink(shopId, accepted.period, shop.limits.drinksPerCode);
    if (!drinkTaken) throw new TokenUsedUpError();
    await writePendingOrder(ref, name, accepted.period, now);
    orderWritten = true;
    await publishEvent({ type: EventType.NewOrder, detail: ref });
  } catch (error) {
    if (orderWritten) await withdrawPendingOrder(ref.orderId);
    if (drinkTaken) await giveBackDrink(shopId, accepted.period);
    await releaseCustomer(shopId, userId, ref.orderId);
    throw error;
  }
  return { orderId: ref.orderId, state: OrderState.Pending };
}
