import { z } from 'zod';
import { ConfigPartSchema, ShopConfigSchema } from './config.js';
import { IsoTimeSchema, OrderIdSchema, ShopIdSchema, UserIdSchema } from './ids.js';
import {
  CancelledBySchema,
  DrinkChoiceSchema,
  OrderSchema,
  OrderState,
  ReasonSchema,
  TimeoutCauseSchema,
} from './orders.js';

/** The EventBridge bus every event of the shop goes through. */
export const BUS_NAME = 'coffee';

/** The `source` of every event of the shop. */
export const EVENT_SOURCE = 'coffee.shop';

/** Every detail-type of DESIGN's Events table: `<Service>.<Event>`. */
export const EventType = {
  /** A QR token was accepted; starts an OrderProcessor execution. */
  NewOrder: 'Validator.NewOrder',
  /** Waiting for the customer's drink (carries the task token). */
  WorkflowStarted: 'OrderProcessor.WorkflowStarted',
  /** Rejected: shop closed. */
  ShopUnavailable: 'OrderProcessor.ShopUnavailable',
  /** Rejected: barista queue full. */
  CapacityFull: 'OrderProcessor.CapacityFull',
  /** Drink chosen, order number issued (carries the task token). */
  WaitingCompletion: 'OrderProcessor.WaitingCompletion',
  /** The customer or the barista timed out (`cause`). */
  OrderTimedOut: 'OrderProcessor.OrderTimedOut',
  /** The execution ended, whatever the outcome. */
  OrderFinished: 'OrderProcessor.OrderFinished',
  /** The customer's drink was recorded. */
  OrderSubmitted: 'OrderManager.OrderSubmitted',
  /** A barista claimed the order. */
  MakeOrder: 'OrderManager.MakeOrder',
  /** A barista released the order. */
  UnmakeOrder: 'OrderManager.UnmakeOrder',
  /** Ready for pickup. */
  OrderCompleted: 'OrderManager.OrderCompleted',
  /** Cancelled (`reason`, `by`). */
  OrderCancelled: 'OrderManager.OrderCancelled',
  /** The shop opened or closed, or its menu or limits changed. */
  ConfigChanged: 'ConfigService.ConfigChanged',
} as const;

/** A detail-type, e.g. `Validator.NewOrder`. */
export type EventType = (typeof EventType)[keyof typeof EventType];

/** Parses an {@link EventType}. */
export const EventTypeSchema = z.enum(EventType);

/** A Step Functions task token. It never leaves the backend: see {@link toPublicMessage}. */
export const TaskTokenSchema = z.string().min(1);

const ShopRef = z.object({ shopId: ShopIdSchema });
const OrderRef = ShopRef.extend({ orderId: OrderIdSchema, userId: UserIdSchema });
/** The order after the change, so that the apps can update what they show without asking. */
const WithOrder = OrderRef.extend({ order: OrderSchema });

/** The final states `OrderFinished` may report. */
const FinalStateSchema = z.enum([OrderState.Ready, OrderState.Cancelled, OrderState.Rejected]);

/**
 * The detail schema of each event type, without task tokens; {@link DetailSchemas} adds them
 * back where the backend needs them.
 */
const TokenlessDetailSchemas = {
  [EventType.NewOrder]: OrderRef,
  [EventType.WorkflowStarted]: OrderRef,
  [EventType.ShopUnavailable]: OrderRef,
  [EventType.CapacityFull]: OrderRef,
  [EventType.WaitingCompletion]: OrderRef.extend({ orderNumber: z.int().positive() }),
  [EventType.OrderTimedOut]: OrderRef.extend({ cause: TimeoutCauseSchema }),
  [EventType.OrderFinished]: OrderRef.extend({ state: FinalStateSchema.optional() }),
  [EventType.OrderSubmitted]: WithOrder.extend({ drink: DrinkChoiceSchema }),
  [EventType.MakeOrder]: WithOrder,
  [EventType.UnmakeOrder]: WithOrder,
  [EventType.OrderCompleted]: WithOrder,
  [EventType.OrderCancelled]: WithOrder.extend({ reason: ReasonSchema, by: CancelledBySchema }),
  [EventType.ConfigChanged]: ShopRef.extend({
    changes: z.array(ConfigPartSchema).min(1),
    config: ShopConfigSchema,
  }),
} as const satisfies Record<EventType, z.ZodObject>;

/** The detail schema of each event type, as it travels on the bus. */
export const DetailSchemas = {
  ...TokenlessDetailSchemas,
  [EventType.WorkflowStarted]: TokenlessDetailSchemas[EventType.WorkflowStarted].extend({
    taskToken: TaskTokenSchema,
  }),
  [EventType.WaitingCompletion]: TokenlessDetailSchemas[EventType.WaitingCompletion].extend({
    taskToken: TaskTokenSchema,
  }),
} as const satisfies Record<EventType, z.ZodObject>;

/** A public detail may not hold a task token at all: parsing one that does fails. */
const NoTaskToken = { taskToken: z.never().optional() };

function publicDetail<Shape extends z.core.$ZodShape>(schema: z.ZodObject<Shape>) {
  return schema.extend(NoTaskToken);
}

/** The detail schema of each event type as published to MQTT: the bus detail minus any task token. */
export const PublicDetailSchemas = Object.fromEntries(
  Object.entries(TokenlessDetailSchemas).map(([type, schema]) => [
    type,
    publicDetail<z.core.$ZodShape>(schema),
  ]),
) as unknown as {
  [T in EventType]: ReturnType<typeof publicDetail<(typeof TokenlessDetailSchemas)[T]['shape']>>;
};

/** The detail of an event of type `T`, as on the bus. */
export type EventDetail<T extends EventType> = z.infer<(typeof DetailSchemas)[T]>;

/** The detail of an event of type `T`, as published to MQTT. */
export type PublicEventDetail<T extends EventType> = z.infer<(typeof PublicDetailSchemas)[T]>;

/** An event of the shop: its detail-type and its detail. */
export type CoffeeEvent = { [T in EventType]: { type: T; detail: EventDetail<T> } }[EventType];

/** An event as EventBridge delivers it to a target (the fields the shop reads). */
export type BusEvent = {
  [T in EventType]: { 'detail-type': T; source: typeof EVENT_SOURCE; time: string; detail: EventDetail<T> };
}[EventType];

/** The MQTT payload of DESIGN: `{ type, detail, time }`, with no task token anywhere. */
export type PublicMessage = {
  [T in EventType]: { type: T; detail: PublicEventDetail<T>; time: string };
}[EventType];

/** Every event type of the shop. */
export const ALL_EVENT_TYPES = Object.values(EventType) as [EventType, ...EventType[]];

function unionOf<Out>(discriminator: string, members: z.ZodObject[]): z.ZodType<Out> {
  const [first, ...rest] = members;
  if (!first) throw new Error('A union needs at least one member');
  return z.discriminatedUnion(discriminator, [first, ...rest]) as unknown as z.ZodType<Out>;
}

/** Parses a {@link CoffeeEvent}, checking its detail against its type's schema. */
export const CoffeeEventSchema = unionOf<CoffeeEvent>(
  'type',
  ALL_EVENT_TYPES.map((type) => z.object({ type: z.literal(type), detail: DetailSchemas[type] })),
);

/**
 * Parses an event as EventBridge delivers it to a Lambda or a state machine; the envelope fields
 * the shop does not read (`id`, `account`, `region`, ...) are dropped.
 */
export const BusEventSchema = unionOf<BusEvent>(
  'detail-type',
  ALL_EVENT_TYPES.map((type) =>
    z.object({
      'detail-type': z.literal(type),
      source: z.literal(EVENT_SOURCE),
      time: IsoTimeSchema,
      detail: DetailSchemas[type],
    }),
  ),
);

/** Parses a {@link PublicMessage}; one carrying a task token is refused. */
export const PublicMessageSchema = unionOf<PublicMessage>(
  'type',
  ALL_EVENT_TYPES.map((type) =>
    z.object({ type: z.literal(type), detail: PublicDetailSchemas[type], time: IsoTimeSchema }),
  ),
);

/** The event types about one order (every type but `ConfigChanged`); they carry `orderId` and `userId`. */
export const ORDER_EVENT_TYPES: readonly EventType[] = ALL_EVENT_TYPES.filter(
  (type) => type !== EventType.ConfigChanged,
);

/** Whether events of `type` are about one order (see {@link ORDER_EVENT_TYPES}). */
export function isOrderEventType(
  type: EventType,
): type is Exclude<EventType, typeof EventType.ConfigChanged> {
  return ORDER_EVENT_TYPES.includes(type);
}

/**
 * The MQTT message for an event delivered by the bus: `{ type, detail, time }`, the task token
 * removed. Throws a `ZodError` when the event does not match its schema.
 */
export function toPublicMessage(event: BusEvent): PublicMessage {
  const { taskToken: _removed, ...detail } = event.detail as Record<string, unknown>;
  return PublicMessageSchema.parse({ type: event['detail-type'], detail, time: event.time });
}

/**
 * The PutEvents entry for an event (the SDK's `PutEventsRequestEntry` fields), its detail checked
 * against its schema first. Throws a `ZodError` when it does not match.
 */
export function toBusEntry(event: CoffeeEvent): {
  EventBusName: string;
  Source: string;
  DetailType: EventType;
  Detail: string;
} {
  const parsed = CoffeeEventSchema.parse(event);
  return {
    EventBusName: BUS_NAME,
    Source: EVENT_SOURCE,
    DetailType: parsed.type,
    Detail: JSON.stringify(parsed.detail),
  };
}

/** The EventBridge pattern matching the shop's events of the given types. */
export function eventPattern(...types: [EventType, ...EventType[]]): {
  source: [typeof EVENT_SOURCE];
  'detail-type': EventType[];
} {
  return { source: [EVENT_SOURCE], 'detail-type': types };
}
