import { z } from 'zod';
import { LimitsSchema, ShopConfigSchema } from './config.js';
import { IsoTimeSchema, OrderIdSchema, ShopIdSchema, SlugSchema } from './ids.js';
import {
  DrinkChoiceSchema,
  OrderDetailSchema,
  OrderSchema,
  OrderStateSchema,
  ReasonSchema,
} from './orders.js';

/**
 * Every error code the HTTP API answers with (DESIGN "HTTP API"), plus the retryable `not-ready`
 * and `internal` for a real fault (DESIGN's 5xx, which needs a code too).
 */
export const ErrorCode = {
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  NotFound: 'not-found',
  InvalidRequest: 'invalid-request',
  InvalidTransition: 'invalid-transition',
  TokenInvalid: 'token-invalid',
  TokenExpired: 'token-expired',
  TokenUsedUp: 'token-used-up',
  LimitReached: 'limit-reached',
  OrderOpen: 'order-open',
  ShopClosed: 'shop-closed',
  QueueFull: 'queue-full',
  DrinkUnknown: 'drink-unknown',
  DrinkUnavailable: 'drink-unavailable',
  OptionInvalid: 'option-invalid',
  /** The workflow has not caught up with the order yet (e.g. a drink sent while `PENDING`): retry shortly. */
  NotReady: 'not-ready',
  /** A fault of the backend, not of the request (the only 5xx). */
  Internal: 'internal',
} as const;

/** See {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Parses an {@link ErrorCode}. */
export const ErrorCodeSchema = z.enum(ErrorCode);

/**
 * The HTTP status of each error code. DESIGN fixes 401, 403, 404, 400 and 409; the specific codes
 * take the status of the check they refine: a bad token or drink is a bad request (400), a
 * refusal by the shop's current state a conflict (409), the daily limit 429.
 */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-request': 400,
  'invalid-transition': 409,
  'token-invalid': 400,
  'token-expired': 400,
  'token-used-up': 409,
  'limit-reached': 429,
  'order-open': 409,
  'shop-closed': 409,
  'queue-full': 409,
  'drink-unknown': 400,
  'drink-unavailable': 409,
  'option-invalid': 400,
  'not-ready': 409,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

/** The codes worth retrying unchanged after a moment; the mapper adds a `Retry-After` of this many seconds. */
export const RETRYABLE_ERROR_CODES: readonly ErrorCode[] = [ErrorCode.NotReady];

/** See {@link RETRYABLE_ERROR_CODES}. */
export const RETRY_AFTER_SECONDS = 1;

/** Whether a request that failed with `code` may succeed if sent again unchanged. */
export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE_ERROR_CODES.includes(code);
}

/** The body of every error answer: `{ error: { code, message } }`, `message` being for a person. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: ErrorCodeSchema, message: z.string() }),
});

/** See {@link ErrorBodySchema}. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The header that makes `POST /api/shops/{shopId}/orders` idempotent per caller. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** How long an idempotency key is remembered: 24 hours. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** An `Idempotency-Key` value: 1 to 128 visible ASCII characters. */
export const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,128}$/);

/** Path parameters of the shop routes. */
export const ShopParamsSchema = z.object({ shopId: ShopIdSchema });
/** Path parameters of `PUT /api/shops/{shopId}/menu/{drinkId}`. */
export const DrinkParamsSchema = z.object({ shopId: ShopIdSchema, drinkId: SlugSchema });
/** Path parameters of the order routes. */
export const OrderParamsSchema = z.object({ orderId: OrderIdSchema });
/** No path parameters. */
export const NoParamsSchema = z.object({});

/** `PUT /api/shops/{shopId}/open`. */
export const SetOpenRequestSchema = z.strictObject({ open: z.boolean() });
/** `PUT /api/shops/{shopId}/menu/{drinkId}`. */
export const SetDrinkAvailabilityRequestSchema = z.strictObject({ available: z.boolean() });
/** `PUT /api/shops/{shopId}/limits`: any subset of the limits, each within its bounds. */
export const UpdateLimitsRequestSchema = LimitsSchema.partial().strict();
/** `GET /api/shops/{shopId}/qr-code`. `url` is what the QR code encodes; `expiresAt` ends the code's period. */
export const QrCodeResponseSchema = z.object({
  token: z.string().min(1),
  url: z.url(),
  expiresAt: IsoTimeSchema,
  remaining: z.int().nonnegative(),
});
/** `POST /api/shops/{shopId}/orders`. */
export const PlaceOrderRequestSchema = z.strictObject({ token: z.string().min(1).max(512) });
/** The 202 answer of `POST /api/shops/{shopId}/orders`. */
export const PlaceOrderResponseSchema = z.object({ orderId: OrderIdSchema, state: OrderStateSchema });
/** The query of `GET /api/shops/{shopId}/orders`. */
export const ListOrdersQuerySchema = z.object({ state: OrderStateSchema });
/** A list of orders: oldest first for a shop's queue, newest first for `me/orders`. */
export const OrderListResponseSchema = z.object({ orders: z.array(OrderSchema) });
/** `PUT /api/orders/{orderId}/drink`. */
export const SubmitDrinkRequestSchema = DrinkChoiceSchema.strict();
/** `POST /api/orders/{orderId}/cancel`: the body and its `reason` are optional. */
export const CancelOrderRequestSchema = z.strictObject({ reason: ReasonSchema.optional() }).optional();
/** The queue actions take no body; an empty object is tolerated. */
export const EmptyRequestSchema = z.strictObject({}).optional();

/** See {@link SetOpenRequestSchema}. */
export type SetOpenRequest = z.infer<typeof SetOpenRequestSchema>;
/** See {@link SetDrinkAvailabilityRequestSchema}. */
export type SetDrinkAvailabilityRequest = z.infer<typeof SetDrinkAvailabilityRequestSchema>;
/** See {@link UpdateLimitsRequestSchema}. */
export type UpdateLimitsRequest = z.infer<typeof UpdateLimitsRequestSchema>;
/** See {@link QrCodeResponseSchema}. */
export type QrCodeResponse = z.infer<typeof QrCodeResponseSchema>;
/** See {@link PlaceOrderRequestSchema}. */
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequestSchema>;
/** See {@link PlaceOrderResponseSchema}. */
export type PlaceOrderResponse = z.infer<typeof PlaceOrderResponseSchema>;
/** See {@link ListOrdersQuerySchema}. */
export type ListOrdersQuery = z.infer<typeof ListOrdersQuerySchema>;
/** See {@link OrderListResponseSchema}. */
export type OrderListResponse = z.infer<typeof OrderListResponseSchema>;
/** See {@link SubmitDrinkRequestSchema}. */
export type SubmitDrinkRequest = z.infer<typeof SubmitDrinkRequestSchema>;
/** See {@link CancelOrderRequestSchema}. */
export type CancelOrderRequest = z.infer<typeof CancelOrderRequestSchema>;

/**
 * A state of an Amazon States Language definition, as the workflow view reads it: its type and
 * transitions (`Next`, `End`, a Choice's `Choices` and `Default`, `Catch` targets). Every other
 * field (`Parameters`, `Retry`, …) is kept as it is.
 */
export const AslStateSchema = z.looseObject({
  Type: z.string(),
  Comment: z.string().optional(),
  Next: z.string().optional(),
  End: z.boolean().optional(),
  Default: z.string().optional(),
  Choices: z.array(z.looseObject({ Next: z.string() })).optional(),
  Catch: z.array(z.looseObject({ ErrorEquals: z.array(z.string()), Next: z.string() })).optional(),
});
/** An ASL definition: where it starts and its states by name. */
export const AslDefinitionSchema = z.looseObject({
  Comment: z.string().optional(),
  StartAt: z.string(),
  States: z.record(z.string(), AslStateSchema),
});
/**
 * `GET /api/ops/workflow`: the OrderProcessor's definition (DescribeStateMachine) and how many
 * `RUNNING` executions are in each state right now, by the last state each one entered.
 */
export const WorkflowResponseSchema = z.object({
  stateMachineArn: z.string(),
  name: z.string(),
  definition: AslDefinitionSchema,
  /** Running executions by the state they are in; states with none are left out. */
  counts: z.record(z.string(), z.int().nonnegative()),
  /** All running executions (some may not have entered a state yet). */
  running: z.int().nonnegative(),
  countedAt: IsoTimeSchema,
});
/** Path parameters of `GET /api/ops/orders/{orderId}/history`. */
export const OrderHistoryParamsSchema = OrderParamsSchema;
/**
 * One event of an execution's history, as GetExecutionHistory has it: `input`, `output` and
 * `parameters` are JSON text (task tokens replaced by `[redacted]`).
 */
export const HistoryEventSchema = z.object({
  id: z.int().nonnegative(),
  previousEventId: z.int().nonnegative().optional(),
  timestamp: IsoTimeSchema,
  type: z.string(),
  /** The state entered or exited (state events), else the state the event belongs to, when known. */
  stateName: z.string().optional(),
  resource: z.string().optional(),
  input: z.string().optional(),
  output: z.string().optional(),
  parameters: z.string().optional(),
  error: z.string().optional(),
  cause: z.string().optional(),
});
/** `GET /api/ops/orders/{orderId}/history`: the order's OrderProcessor execution and its events, oldest first. */
export const OrderHistoryResponseSchema = z.object({
  orderId: OrderIdSchema,
  executionArn: z.string(),
  status: z.string(),
  startDate: IsoTimeSchema,
  stopDate: IsoTimeSchema.optional(),
  events: z.array(HistoryEventSchema),
  /** `true` when the history was longer than the events answered (the first {@link MAX_HISTORY_EVENTS}). */
  truncated: z.boolean(),
});
/** The most events `GET /api/ops/orders/{orderId}/history` answers. */
export const MAX_HISTORY_EVENTS = 1000;

/** The sliding window of the wait-time insight, in minutes: 30 unless asked (5 – 240). */
export const DEFAULT_WAIT_WINDOW_MINUTES = 30;
/** The query of `GET /api/shops/{shopId}/wait-times`. */
export const WaitTimesQuerySchema = z.object({
  windowMinutes: z.coerce.number().int().min(5).max(240).default(DEFAULT_WAIT_WINDOW_MINUTES),
});
/** Submitted → ready times of a set of orders, in seconds. */
export const WaitStatsSchema = z.object({
  count: z.int().positive(),
  averageSeconds: z.number().nonnegative(),
  p90Seconds: z.number().nonnegative(),
});
/** One minute of the window: orders placed, orders made ready and their average wait. */
export const WaitMinuteSchema = z.object({
  /** The minute's start. */
  minute: IsoTimeSchema,
  placed: z.int().nonnegative(),
  ready: z.int().nonnegative(),
  averageSeconds: z.number().nonnegative().optional(),
});
/**
 * `GET /api/shops/{shopId}/wait-times`: how long orders made ready in the last `windowMinutes`
 * waited from submitted to ready, overall (absent when none) and per drink, and the window minute
 * by minute (oldest first).
 */
export const WaitTimesResponseSchema = z.object({
  shopId: ShopIdSchema,
  windowMinutes: z.int().positive(),
  from: IsoTimeSchema,
  to: IsoTimeSchema,
  overall: WaitStatsSchema.optional(),
  drinks: z.array(WaitStatsSchema.extend({ drinkId: SlugSchema, name: z.string().optional() })),
  perMinute: z.array(WaitMinuteSchema),
});

/** See {@link AslDefinitionSchema}. */
export type AslDefinition = z.infer<typeof AslDefinitionSchema>;
/** See {@link AslStateSchema}. */
export type AslState = z.infer<typeof AslStateSchema>;
/** See {@link WorkflowResponseSchema}. */
export type WorkflowResponse = z.infer<typeof WorkflowResponseSchema>;
/** See {@link HistoryEventSchema}. */
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
/** See {@link OrderHistoryResponseSchema}. */
export type OrderHistoryResponse = z.infer<typeof OrderHistoryResponseSchema>;
/** See {@link WaitStatsSchema}. */
export type WaitStats = z.infer<typeof WaitStatsSchema>;
/** See {@link WaitMinuteSchema}. */
export type WaitMinute = z.infer<typeof WaitMinuteSchema>;
/** See {@link WaitTimesResponseSchema}. */
export type WaitTimesResponse = z.infer<typeof WaitTimesResponseSchema>;

/**
 * Who may call a route (DESIGN's "who" column): `anyone` includes anonymous callers; `owner` is
 * the customer whose order it is. A caller holding none of the roles listed is `forbidden`; a
 * customer calling an `owner` route on an order not theirs gets `not-found`.
 */
export type Access = 'anyone' | 'customer' | 'owner' | 'barista' | 'display';

/** One route of the HTTP API: what the server parses and what the client may expect back. */
export interface RouteDefinition {
  readonly method: 'GET' | 'PUT' | 'POST';
  /** The path with `{name}` placeholders for the path parameters. */
  readonly path: string;
  readonly access: readonly Access[];
  readonly params: z.ZodObject;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** The status of a success. */
  readonly status: 200 | 202;
}

const route = <const R extends RouteDefinition>(definition: R): R => definition;

/** The HTTP API of DESIGN, route by route: the server and the apps' client both read this table. */
export const Api = {
  getShopConfig: route({
    method: 'GET',
    path: '/api/shops/{shopId}/config',
    access: ['anyone'],
    params: ShopParamsSchema,
    response: ShopConfigSchema,
    status: 200,
  }),
  setShopOpen: route({
    method: 'PUT',
    path: '/api/shops/{shopId}/open',
    access: ['barista'],
    params: ShopParamsSchema,
    body: SetOpenRequestSchema,
    response: ShopConfigSchema,
    status: 200,
  }),
  setDrinkAvailability: route({
    method: 'PUT',
    path: '/api/shops/{shopId}/menu/{drinkId}',
    access: ['barista'],
    params: DrinkParamsSchema,
    body: SetDrinkAvailabilityRequestSchema,
    response: ShopConfigSchema,
    status: 200,
  }),
  updateLimits: route({
    method: 'PUT',
    path: '/api/shops/{shopId}/limits',
    access: ['barista'],
    params: ShopParamsSchema,
    body: UpdateLimitsRequestSchema,
    response: ShopConfigSchema,
    status: 200,
  }),
  getQrCode: route({
    method: 'GET',
    path: '/api/shops/{shopId}/qr-code',
    access: ['display', 'barista'],
    params: ShopParamsSchema,
    response: QrCodeResponseSchema,
    status: 200,
  }),
  placeOrder: route({
    method: 'POST',
    path: '/api/shops/{shopId}/orders',
    access: ['customer'],
    params: ShopParamsSchema,
    body: PlaceOrderRequestSchema,
    response: PlaceOrderResponseSchema,
    status: 202,
  }),
  listShopOrders: route({
    method: 'GET',
    path: '/api/shops/{shopId}/orders',
    access: ['barista', 'display'],
    params: ShopParamsSchema,
    query: ListOrdersQuerySchema,
    response: OrderListResponseSchema,
    status: 200,
  }),
  getOrder: route({
    method: 'GET',
    path: '/api/orders/{orderId}',
    access: ['owner', 'barista', 'display'],
    params: OrderParamsSchema,
    response: OrderDetailSchema,
    status: 200,
  }),
  submitDrink: route({
    method: 'PUT',
    path: '/api/orders/{orderId}/drink',
    access: ['owner'],
    params: OrderParamsSchema,
    body: SubmitDrinkRequestSchema,
    response: OrderSchema,
    status: 200,
  }),
  makeOrder: route({
    method: 'POST',
    path: '/api/orders/{orderId}/make',
    access: ['barista'],
    params: OrderParamsSchema,
    body: EmptyRequestSchema,
    response: OrderSchema,
    status: 200,
  }),
  unmakeOrder: route({
    method: 'POST',
    path: '/api/orders/{orderId}/unmake',
    access: ['barista'],
    params: OrderParamsSchema,
    body: EmptyRequestSchema,
    response: OrderSchema,
    status: 200,
  }),
  completeOrder: route({
    method: 'POST',
    path: '/api/orders/{orderId}/complete',
    access: ['barista'],
    params: OrderParamsSchema,
    body: EmptyRequestSchema,
    response: OrderSchema,
    status: 200,
  }),
  cancelOrder: route({
    method: 'POST',
    path: '/api/orders/{orderId}/cancel',
    access: ['owner', 'barista'],
    params: OrderParamsSchema,
    body: CancelOrderRequestSchema,
    response: OrderSchema,
    status: 200,
  }),
  listMyOrders: route({
    method: 'GET',
    path: '/api/me/orders',
    access: ['customer'],
    params: NoParamsSchema,
    response: OrderListResponseSchema,
    status: 200,
  }),
  getWorkflow: route({
    method: 'GET',
    path: '/api/ops/workflow',
    access: ['barista'],
    params: NoParamsSchema,
    response: WorkflowResponseSchema,
    status: 200,
  }),
  getOrderHistory: route({
    method: 'GET',
    path: '/api/ops/orders/{orderId}/history',
    access: ['barista'],
    params: OrderHistoryParamsSchema,
    response: OrderHistoryResponseSchema,
    status: 200,
  }),
  getWaitTimes: route({
    method: 'GET',
    path: '/api/shops/{shopId}/wait-times',
    // Signed in: DESIGN lets anonymous callers read the shop's config and nothing else.
    access: ['customer', 'barista', 'display'],
    params: ShopParamsSchema,
    query: WaitTimesQuerySchema,
    response: WaitTimesResponseSchema,
    status: 200,
  }),
} as const;

/** The name of a route of {@link Api}, e.g. `submitDrink`. */
export type RouteName = keyof typeof Api;
/** The path parameters a route takes. */
export type RouteParams<R extends RouteDefinition> = z.input<R['params']>;
/** The body a route takes (`undefined` for a route without one). */
export type RouteBody<R extends RouteDefinition> = R['body'] extends z.ZodType
  ? z.input<R['body']>
  : undefined;
/** What a route answers on success. */
export type RouteResponse<R extends RouteDefinition> = z.output<R['response']>;

/**
 * A route's path with its parameters filled in and URL-encoded, e.g.
 * `pathFor(Api.getOrder, { orderId: 'o1' })` is `/api/orders/o1`. Throws a `ZodError` when a
 * parameter is missing or malformed.
 */
export function pathFor<R extends RouteDefinition>(route: R, params: RouteParams<R>): string {
  const parsed: Record<string, unknown> = route.params.parse(params);
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(parsed[name])));
}
