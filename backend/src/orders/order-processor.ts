import { EVENT_SOURCE, EventType } from '../contracts/events.js';
import {
  type CancelledBy,
  CancelledBySchema,
  type DrinkChoice,
  OrderReason,
  OrderState,
} from '../contracts/orders.js';

/**
 * What the OrderProcessor state machine (`statemachines/order-processor.asl.json`) shares with the
 * rest of the backend: how it is told the outcome of its two waits, the wait each task token
 * belongs to, and the values substituted into its definition. Free of AWS SDK imports, so the
 * resource declaration can use it.
 *
 * @packageDocumentation
 */

/**
 * Which wait of the workflow a stored task token answers: the customer's drink (the token of
 * `WorkflowStarted`, while the order is `CREATED`) or the barista's completion (the token of
 * `WaitingCompletion`, while it is `SUBMITTED` or `MAKING`). Stored beside the token as
 * `taskTokenFor`, so that an action arriving before the workflow has caught up answers `not-ready`
 * instead of answering a spent token.
 */
export const TaskTokenFor = {
  Drink: 'drink',
  Completion: 'completion',
} as const;

/** See {@link TaskTokenFor}. */
export type TaskTokenFor = (typeof TaskTokenFor)[keyof typeof TaskTokenFor];

/** Who may cancel an order through the workflow: a person; timeouts are the workflow's own. */
export type Canceller = Exclude<CancelledBy, 'timeout'>;

/**
 * The `error` of the SendTaskFailure that cancels an order, by who cancels it; its `cause` is the
 * reason (the order's `reason`). The state machine catches each name on both waits. One name per
 * canceller rather than one name with a JSON cause: the States language cannot parse a cause
 * without a Pass state, and a Pass state has no Catch, so a malformed cause would end the
 * execution without releasing the barista-queue slot and the customer.
 */
export const CancelErrorName = {
  customer: 'Order.CancelledByCustomer',
  barista: 'Order.CancelledByBarista',
} as const satisfies Record<Canceller, string>;

/** A DynamoDB attribute value, as the state machine's DynamoDB tasks write it. */
export type AttributeValue = { S: string } | { M: Record<string, AttributeValue> };

/**
 * The output of the SendTaskSuccess answering the drink wait: the drink, and the drink as a
 * DynamoDB attribute value, which the state machine writes on the order as it is (the States
 * language cannot turn a map of modifiers into DynamoDB's attribute format itself).
 */
export interface DrinkChosenOutput {
  drink: DrinkChoice;
  drinkAttribute: AttributeValue;
}

/** The output of the SendTaskSuccess answering the drink wait (see {@link DrinkChosenOutput}). */
export function drinkChosenOutput(drink: DrinkChoice): DrinkChosenOutput {
  const modifiers = Object.fromEntries(
    Object.entries(drink.modifiers).map(([modifier, option]) => [modifier, { S: option }]),
  );
  return { drink, drinkAttribute: { M: { drinkId: { S: drink.drinkId }, modifiers: { M: modifiers } } } };
}

/**
 * The definition substitutions of the OrderProcessor that are contract values: event types, the
 * event source, order states, reasons and error names, each declared once elsewhere. The resource
 * declaration adds the tables and the bus. No detail-type, state or reason is written in the ASL.
 */
export const orderProcessorSubstitutions = {
  EventSource: EVENT_SOURCE,
  WorkflowStartedType: EventType.WorkflowStarted,
  ShopUnavailableType: EventType.ShopUnavailable,
  CapacityFullType: EventType.CapacityFull,
  WaitingCompletionType: EventType.WaitingCompletion,
  OrderTimedOutType: EventType.OrderTimedOut,
  OrderFinishedType: EventType.OrderFinished,
  StatePending: OrderState.Pending,
  StateCreated: OrderState.Created,
  StateSubmitted: OrderState.Submitted,
  StateMaking: OrderState.Making,
  StateReady: OrderState.Ready,
  StateCancelled: OrderState.Cancelled,
  StateRejected: OrderState.Rejected,
  ReasonShopClosed: OrderReason.ShopClosed,
  ReasonQueueFull: OrderReason.QueueFull,
  ReasonCustomerCancelled: OrderReason.CustomerCancelled,
  ReasonBaristaCancelled: OrderReason.BaristaCancelled,
  ReasonOrderFailed: OrderReason.OrderFailed,
  CauseCustomerTimeout: OrderReason.CustomerTimeout,
  CauseBaristaTimeout: OrderReason.BaristaTimeout,
  ByCustomer: CancelledBySchema.enum.customer,
  ByBarista: CancelledBySchema.enum.barista,
  ByTimeout: CancelledBySchema.enum.timeout,
  CancelledByCustomerError: CancelErrorName.customer,
  CancelledByBaristaError: CancelErrorName.barista,
} as const satisfies Record<string, string>;
