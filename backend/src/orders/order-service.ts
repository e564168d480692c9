import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiPrincipal } from '../api/auth.js';
import { publishEvent } from '../config/publish-event.js';
import { loadShop } from '../config/shop-store.js';
import type { CoffeeEvent } from '../contracts/events.js';
import { type Order, type OrderDetail, OrderSchema, OrderState } from '../contracts/orders.js';
import { hasRole, Role } from '../contracts/roles.js';
import { ForbiddenError, InvalidTransitionError, NotFoundError, NotReadyError } from '../errors.js';
import { type Actor, actorFor, type OrderAction, transition } from './domain/index.js';
import {
  type ChangeExtras,
  changeState,
  getOrder,
  milestonesOf,
  type OrderItem,
  type OrderMilestones,
  ordersInState,
  ordersOfUser,
} from './order-store.js';
import { answerWait } from './workflow-signals.js';

/** How long an action on a `PENDING` order waits for the workflow to admit or reject it. */
const PENDING_WAIT_MS = 3_000;
const PENDING_POLL_MS = 50;
/** How many times an action is judged again when the order changed under it. */
const MAX_ATTEMPTS = 5;

/** The order as the API shows it: the contract's fields only (no task token, no execution). */
export function toOrder(item: OrderItem): Order {
  return OrderSchema.parse(item);
}

/**
 * The order `orderId` as `principal` may see it: its owner, a barista or the display. Anyone else —
 * and a missing order — gets `not-found`, with no hint which. An order in the queue says how many
 * come before it.
 */
export async function readOrder(principal: ApiPrincipal, orderId: string): Promise<OrderDetail> {
  const order = toOrder(await findOrder(principal, orderId));
  if (order.state !== OrderState.Submitted) return order;
  const ahead = await ordersAhead(order);
  return ahead === undefined ? order : { ...order, ahead };
}

/**
 * How many of its shop's new orders come before `order` in the baristas' queue, which lists them
 * as the index does, oldest first; `undefined` if it has just left the queue.
 */
async function ordersAhead(order: Order): Promise<number | undefined> {
  const queue = await ordersInState(order.shopId, OrderState.Submitted);
  const position = queue.findIndex((queued) => queued.orderId === order.orderId);
  return position === -1 ? undefined : position;
}

/** A shop's orders in `state`, oldest first (`not-found` for a shop that does not exist). */
export async function listShopOrders(shopId: string, state: OrderState): Promise<Order[]> {
  await loadShop(shopId);
  return (await ordersInState(shopId, state)).map(toOrder);
}

/** The caller's own orders at every shop, newest first. */
export async function listMyOrders(principal: ApiPrincipal): Promise<Order[]> {
  return (await ordersOfUser(principal.sub)).map(toOrder);
}

/**
 * Takes `action` on an order for `principal` (DESIGN "Order states"), in DESIGN's order of checks:
 * the order must exist and be the customer's own (`not-found`); then `describe` is called — it may
 * read the body (`invalid-request`) and the shop's menu — and the orders domain judges the action
 * (`forbidden`, the drink codes, `invalid-transition`, `not-ready`). The change is written in one
 * conditional write on the state the judgement saw, so racing actions (two baristas, complete
 * against cancel, a timeout) resolve to exactly one winner; the losers are judged again on the
 * order as it then is — repeating the winner's action answers the unchanged order, anything else
 * `invalid-transition`. The workflow's wait is then answered with the token the order held at the
 * moment of the write (see `answerWait`), and the change announced on the bus.
 */
export async function actOnOrder(
  principal: ApiPrincipal,
  orderId: string,
  describe: (order: Order) => Promise<OrderAction> | OrderAction,
): Promise<Order> {
  const actor = actorFor(principal);
  let item = await findOrder(principal, orderId);
  const action = await describe(toOrder(item));
  for (let attempt = 1; ; attempt++) {
    if (item.state === OrderState.Pending) item = await admitted(item);
    const order = toOrder(item);
    if (!actor) throw new ForbiddenError('The display cannot change orders.');
    const result = transition(order, action, actor, new Date());
    if (!result.ok) throw result.error;
    if (result.repeated) {
      refuseFalseRepeat(item, action, actor);
      // A repeat after a fault between the write and the answer: the wait may still need its answer.
      if (item.taskToken && item.taskTokenFor && answersWait(action))
        await answerWait(order, { taskToken: item.taskToken, taskTokenFor: item.taskTokenFor });
      return order;
    }
    const previous = await changeState(order, result.order, claimChange(action, actor));
    if (previous) {
      const written = {
        ...toOrder(previous),
        ...definedFields(result.order),
        ...writtenMilestones(previous, milestonesOf(order, result.order)),
      };
      if (previous.taskToken && previous.taskTokenFor && answersWait(action)) {
        await answerWait(written, { taskToken: previous.taskToken, taskTokenFor: previous.taskTokenFor });
      }
      if (result.event) await publishEvent(withOrder(result.event, written));
      return written;
    }
    if (attempt >= MAX_ATTEMPTS)
      throw new NotReadyError('The order is changing right now. Try again in a moment.');
    item = await findOrder(principal, orderId);
  }
}

/** The order, provided the caller may see it; `not-found` otherwise. */
async function findOrder(principal: ApiPrincipal, orderId: string): Promise<OrderItem> {
  const item = await getOrder(orderId);
  const staff = hasRole(principal, Role.Barista) || hasRole(principal, Role.Display);
  if (!item || (!staff && item.userId !== principal.sub)) throw new NotFoundError('No such order.');
  return item;
}

/**
 * The order once the workflow has admitted or rejected it — a moment after the customer scanned —
 * or, after {@link PENDING_WAIT_MS}, still `PENDING` (the domain then answers the retryable
 * `not-ready`).
 */
async function admitted(item: OrderItem): Promise<OrderItem> {
  const deadline = Date.now() + PENDING_WAIT_MS;
  let current = item;
  while (current.state === OrderState.Pending && Date.now() < deadline) {
    await sleep(PENDING_POLL_MS);
    current = (await getOrder(item.orderId)) ?? current;
  }
  return current;
}

/** The actions whose outcome the workflow waits for: the drink, the completion and a cancellation. */
function answersWait(action: OrderAction): boolean {
  return action.type === 'submit-drink' || action.type === 'complete' || action.type === 'cancel';
}

/**
 * A barista's claim is theirs: `make` records who makes it, `unmake` and the ends forget it; `unmake`
 * marks the order released until the next claim.
 */
function claimChange(action: OrderAction, actor: Actor): ChangeExtras {
  if (action.type === 'make' && actor.kind === 'barista') return { madeBy: actor.userId, released: null };
  if (action.type === 'unmake') return { madeBy: null, released: true };
  if (action.type === 'complete' || action.type === 'cancel') return { madeBy: null };
  return {};
}

/**
 * The domain judges an action a repeat by the order's state alone; two need what only the item
 * holds. `make` on an order another barista is making is not a repeat of the caller's claim (of
 * two baristas racing for one order exactly one gets it), and `unmake` on a `SUBMITTED` order
 * nobody released (its drink was just chosen) repeats nothing: both `invalid-transition`.
 */
function refuseFalseRepeat(item: OrderItem, action: OrderAction, actor: Actor): void {
  if (
    action.type === 'make' &&
    actor.kind === 'barista' &&
    item.madeBy !== undefined &&
    item.madeBy !== actor.userId
  )
    throw new InvalidTransitionError(
      item.state,
      action.type,
      'Another barista is making this order already.',
    );
  if (action.type === 'unmake' && item.released !== true)
    throw new InvalidTransitionError(item.state, action.type, 'Nobody is making this order.');
}

/** The milestones as `changeState` wrote them: a `submittedAt` the order had already stays. */
function writtenMilestones(previous: OrderItem, milestones: OrderMilestones): OrderMilestones {
  return {
    ...milestones,
    ...(previous.submittedAt !== undefined && { submittedAt: previous.submittedAt }),
  };
}

function definedFields(order: Order): Partial<Order> {
  return Object.fromEntries(Object.entries(order).filter(([, value]) => value !== undefined));
}

/** The event with the order as written (the workflow may have numbered it meanwhile). */
function withOrder(event: CoffeeEvent, order: Order): CoffeeEvent {
  return 'order' in event.detail ? ({ ...event, detail: { ...event.detail, order } } as CoffeeEvent) : event;
}
