import type { Menu } from '../../contracts/config.js';
import { type CoffeeEvent, EventType } from '../../contracts/events.js';
import {
  CAPACITY_STATES,
  type CancelledBy,
  type DrinkChoice,
  type Order,
  OrderReason,
  OrderState,
  type RejectReason,
  type TimeoutCause,
} from '../../contracts/orders.js';
import { hasRole, type Principal, Role } from '../../contracts/roles.js';
import {
  type CoffeeError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  NotReadyError,
} from '../../errors.js';
import { sameDrink, validateDrink } from './drink-validation.js';

/**
 * Who acts on an order: the customer who owns it, a barista, or the OrderProcessor workflow
 * (through the handlers of its events). The display never acts.
 */
export type Actor =
  | { kind: 'customer'; userId: string }
  | { kind: 'barista'; userId: string }
  | { kind: 'workflow' };

/** The kind of an {@link Actor}. */
export type ActorKind = Actor['kind'];

/** What can happen to an order. */
export type OrderAction =
  /** The workflow admitted it (`WorkflowStarted`): `PENDING` → `CREATED`. */
  | { type: 'admit' }
  /** The workflow refused it (`ShopUnavailable`, `CapacityFull`): `PENDING` → `REJECTED`. */
  | { type: 'reject'; reason: RejectReason }
  /** The customer chose a drink, checked against `menu`: `CREATED` → `SUBMITTED`. */
  | { type: 'submit-drink'; drink: DrinkChoice; menu: Menu }
  /** The workflow numbered it (`WaitingCompletion`); the state stays. */
  | { type: 'number'; orderNumber: number }
  /** A barista claimed it: `SUBMITTED` → `MAKING`. */
  | { type: 'make' }
  /** A barista released it: `MAKING` → `SUBMITTED`. */
  | { type: 'unmake' }
  /** A barista finished it: `MAKING` → `READY`. */
  | { type: 'complete' }
  /** The customer or a barista cancelled it: an open state → `CANCELLED`. */
  | { type: 'cancel'; reason?: string | undefined }
  /** A wait of the workflow ran out (`OrderTimedOut`): an open state → `CANCELLED`. */
  | { type: 'timeout'; cause: TimeoutCause };

/** The type of an {@link OrderAction}, e.g. `make`. */
export type OrderActionType = OrderAction['type'];

/** The outcome of {@link transition}. */
export type TransitionResult =
  | {
      ok: true;
      /** The order after the action; the very same object when `repeated`. */
      order: Order;
      /** The action had already been applied: nothing changed and there is nothing to announce. */
      repeated: boolean;
      /** The event announcing the change, when the action has one and was not a repeat. */
      event: CoffeeEvent | undefined;
    }
  | { ok: false; error: CoffeeError };

interface Rule {
  /** Who may take the action. */
  actors: readonly ActorKind[];
  /** The states the action applies in. */
  from: readonly OrderState[];
  /**
   * States in which the action is early rather than wrong: the workflow has not admitted the order
   * yet, so there is no task token to answer. Refused with the retryable `not-ready`.
   */
  early?: readonly OrderState[];
}

/** The order state machine of DESIGN ("Order states"), with who may do what. */
export const ORDER_RULES = {
  admit: { actors: ['workflow'], from: [OrderState.Pending] },
  reject: { actors: ['workflow'], from: [OrderState.Pending] },
  'submit-drink': { actors: ['customer'], from: [OrderState.Created], early: [OrderState.Pending] },
  number: { actors: ['workflow'], from: [OrderState.Submitted, OrderState.Making] },
  make: { actors: ['barista'], from: [OrderState.Submitted] },
  unmake: { actors: ['barista'], from: [OrderState.Making] },
  complete: { actors: ['barista'], from: [OrderState.Making] },
  cancel: { actors: ['customer', 'barista'], from: CAPACITY_STATES, early: [OrderState.Pending] },
  // The workflow is authoritative: once its wait ran out the order cannot go on, whatever its state.
  timeout: { actors: ['workflow'], from: CAPACITY_STATES },
} as const satisfies Record<OrderActionType, Rule>;

/**
 * The actor a signed-in caller acts as: a barista if in the barista group, a customer if a
 * customer, `undefined` otherwise (the display, or nobody), who may take no action.
 */
export function actorFor(principal: Principal | undefined): Actor | undefined {
  if (!principal) return undefined;
  if (hasRole(principal, Role.Barista)) return { kind: 'barista', userId: principal.sub };
  if (hasRole(principal, Role.Customer)) return { kind: 'customer', userId: principal.sub };
  return undefined;
}

/** A new order, `PENDING`: the QR token was just accepted. */
export function newOrder(fields: { orderId: string; shopId: string; userId: string; now: Date }): Order {
  const time = fields.now.toISOString();
  return {
    orderId: fields.orderId,
    shopId: fields.shopId,
    userId: fields.userId,
    state: OrderState.Pending,
    createdAt: time,
    updatedAt: time,
  };
}

/**
 * Applies `action` by `actor` to `order` at `now`, checking in DESIGN's order: the actor's role
 * (`forbidden`), a customer's ownership (`not-found`, without a hint that the order exists), the
 * drink (`drink-unknown`, `drink-unavailable`, `option-invalid`), then the state. Repeating the
 * action that produced the current state answers the unchanged order flagged `repeated` —
 * `complete` on `READY`, `make` on `MAKING`, `unmake` on `SUBMITTED` (the order service also asks
 * that a barista released it), the same drink on
 * `SUBMITTED`, `admit` on `CREATED`, the same rejection or number again, and any `cancel` or
 * `timeout` on `CANCELLED` (an order cancelled once stays cancelled, whoever asks again). An action
 * on a `PENDING` order that the customer may take later is `not-ready`; any other transition is
 * `invalid-transition`.
 */
export function transition(order: Order, action: OrderAction, actor: Actor, now: Date): TransitionResult {
  const rule: Rule = ORDER_RULES[action.type];
  if (!rule.actors.includes(actor.kind))
    return refuse(new ForbiddenError(`A ${actor.kind} cannot ${ACTION_WORDS[action.type]} an order.`));
  if (actor.kind === 'customer' && actor.userId !== order.userId)
    return refuse(new NotFoundError('No such order.'));

  let effective = action;
  if (action.type === 'submit-drink') {
    const checked = validateDrink(action.menu, action.drink);
    if (!checked.ok) return refuse(checked.error);
    effective = { ...action, drink: checked.drink };
  }

  if (isRepeat(order, effective)) return { ok: true, order, repeated: true, event: undefined };
  if (rule.early?.includes(order.state)) return refuse(new NotReadyError());
  if (!rule.from.includes(order.state)) return refuse(new InvalidTransitionError(order.state, action.type));

  const changed = apply(order, effective, actor, now);
  return { ok: true, order: changed, repeated: false, event: eventFor(effective, changed, actor) };
}

function isRepeat(order: Order, action: OrderAction): boolean {
  switch (action.type) {
    case 'admit':
      return order.state === OrderState.Created;
    case 'reject':
      return order.state === OrderState.Rejected && order.reason === action.reason;
    case 'submit-drink':
      return order.state === OrderState.Submitted && sameDrink(order.drink, action.drink);
    case 'number':
      return order.orderNumber === action.orderNumber;
    case 'make':
      return order.state === OrderState.Making;
    case 'unmake':
      return order.state === OrderState.Submitted;
    case 'complete':
      return order.state === OrderState.Ready;
    case 'cancel':
    case 'timeout':
      return order.state === OrderState.Cancelled;
  }
}

function apply(order: Order, action: OrderAction, actor: Actor, now: Date): Order {
  const next: Order = { ...order, updatedAt: now.toISOString() };
  switch (action.type) {
    case 'admit':
      return { ...next, state: OrderState.Created };
    case 'reject':
      return { ...next, state: OrderState.Rejected, reason: action.reason };
    case 'submit-drink':
      return { ...next, state: OrderState.Submitted, drink: action.drink };
    case 'number':
      return { ...next, orderNumber: action.orderNumber };
    case 'make':
      return { ...next, state: OrderState.Making };
    case 'unmake':
      return { ...next, state: OrderState.Submitted };
    case 'complete':
      return { ...next, state: OrderState.Ready };
    case 'cancel':
    case 'timeout':
      return { ...next, state: OrderState.Cancelled, ...cancellation(action, actor) };
  }
}

/** Who cancelled and why: the reason given, else a code the apps put into words. */
function cancellation(
  action: Extract<OrderAction, { type: 'cancel' | 'timeout' }>,
  actor: Actor,
): { by: CancelledBy; reason: string } {
  if (action.type === 'timeout') return { by: 'timeout', reason: action.cause };
  if (actor.kind === 'barista')
    return { by: 'barista', reason: action.reason?.trim() || OrderReason.BaristaCancelled };
  return { by: 'customer', reason: action.reason?.trim() || OrderReason.CustomerCancelled };
}

/**
 * The OrderManager event announcing a change. `admit`, `reject` and `number` have none: they
 * follow the workflow's own events, which already said so.
 */
function eventFor(action: OrderAction, order: Order, actor: Actor): CoffeeEvent | undefined {
  const ref = { shopId: order.shopId, orderId: order.orderId, userId: order.userId, order };
  switch (action.type) {
    case 'admit':
    case 'reject':
    case 'number':
      return undefined;
    case 'submit-drink':
      return { type: EventType.OrderSubmitted, detail: { ...ref, drink: action.drink } };
    case 'make':
      return { type: EventType.MakeOrder, detail: ref };
    case 'unmake':
      return { type: EventType.UnmakeOrder, detail: ref };
    case 'complete':
      return { type: EventType.OrderCompleted, detail: ref };
    case 'cancel':
    case 'timeout':
      return { type: EventType.OrderCancelled, detail: { ...ref, ...cancellation(action, actor) } };
  }
}

const ACTION_WORDS = {
  admit: 'admit',
  reject: 'reject',
  'submit-drink': 'choose the drink of',
  number: 'number',
  make: 'make',
  unmake: 'release',
  complete: 'complete',
  cancel: 'cancel',
  timeout: 'time out',
} as const satisfies Record<OrderActionType, string>;

function refuse(error: CoffeeError): TransitionResult {
  return { ok: false, error };
}
