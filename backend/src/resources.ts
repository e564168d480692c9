import type { ResourceDeclaration } from '@coffee/localcloud';
import { SHOP_SETTINGS } from './contracts/config.js';
import { ALL_EVENT_TYPES, BUS_NAME, EventType, eventPattern } from './contracts/events.js';
import { MQTT_CLIENT_IDS } from './contracts/mqtt-client-id.js';
import { StaffAccount, StaffGroup } from './contracts/roles.js';
import { policyTopicFilter, SIGNED_IN_USER, TopicKind } from './contracts/topics.js';
import { orderProcessorSubstitutions } from './orders/order-processor.js';

/** What the API reads its resources' names from (see `aws/config.ts`). */
const apiEnvironment = {
  SHOPS_TABLE: { table: 'shops' },
  CODES_TABLE: { table: 'codes' },
  ORDERS_TABLE: { table: 'orders' },
  CUSTOMERS_TABLE: { table: 'customers' },
  IDEMPOTENCY_TABLE: { table: 'idempotency' },
  EVENT_BUS: { eventBus: BUS_NAME },
  ORDER_PROCESSOR_ARN: { stateMachine: 'orderProcessor' },
  USER_POOL_ID: { userPool: 'coffee' },
  USER_POOL_CLIENT_ID: { userPoolClient: 'apps', userPool: 'coffee' },
} as const;

/**
 * Every AWS resource of the coffee shop, declared once. The local cloud creates them at
 * `npm start`; the CDK stack deploys them. Paths are relative to this package's folder.
 *
 * Tables are keyed so no partition holds every order: orders by id, with indexes for a shop's
 * queue by state and a customer's history; counters and limits live on single items updated
 * with conditional writes (no transactions, so the local and AWS runtimes behave alike).
 */
export const resources = {
  tables: {
    /** One item per shop: config, menu, limits, the open-order count and the order counter. */
    shops: { partitionKey: { name: 'shopId', type: 'S' } },
    /** One item per QR code period of a shop, with the drinks it still admits. */
    codes: { partitionKey: { name: 'shopId', type: 'S' }, sortKey: { name: 'period', type: 'N' } },
    /** One item per order. */
    orders: {
      partitionKey: { name: 'orderId', type: 'S' },
      globalSecondaryIndexes: [
        {
          name: 'byShopState',
          partitionKey: { name: 'shopState', type: 'S' },
          sortKey: { name: 'createdAt', type: 'S' },
        },
        {
          name: 'byUser',
          partitionKey: { name: 'userId', type: 'S' },
          sortKey: { name: 'createdAt', type: 'S' },
        },
      ],
    },
    /** One item per customer of a shop: the open order and the day's count, for the limits. */
    customers: { partitionKey: { name: 'customerKey', type: 'S' } },
    /** Replies to requests carrying an Idempotency-Key, per caller, kept for a day. */
    idempotency: { partitionKey: { name: 'key', type: 'S' }, timeToLiveAttribute: 'expiresAt' },
  },
  eventBuses: [BUS_NAME],
  functions: {
    /** The HTTP API: every route under /api (see `httpApi`). */
    api: {
      entry: 'dist/api/handler.js',
      handler: 'handler',
      environment: apiEnvironment,
      settings: SHOP_SETTINGS,
    },
    /** Stores the task token of each OrderProcessor wait on its order (rule `orderProcessorTaskTokens`). */
    tokenRecorder: {
      entry: 'dist/orders/token-recorder.js',
      handler: 'handler',
      environment: {
        ORDERS_TABLE: { table: 'orders' },
        ORDER_PROCESSOR_ARN: { stateMachine: 'orderProcessor' },
      },
    },
    /** Answers again the workflow waits whose answer a crash may have lost (rule `waitRecovery`). */
    waitRecovery: {
      entry: 'dist/orders/wait-recovery.js',
      handler: 'handler',
      environment: {
        SHOPS_TABLE: { table: 'shops' },
        ORDERS_TABLE: { table: 'orders' },
        ORDER_PROCESSOR_ARN: { stateMachine: 'orderProcessor' },
      },
    },
    /** Pushes every event of the shop to its MQTT topics, task tokens removed (rule `publisher`). */
    publisher: {
      entry: 'dist/publisher/publisher.js',
      handler: 'handler',
    },
    /**
     * Authorizes each MQTT connection on AWS (IoT Core custom authorizer, `iot.authorizer`): the
     * policy of its ID token, from `iot.policies`. Locally the broker applies those policies itself.
     */
    iotAuthorizer: {
      entry: 'dist/realtime/iot-authorizer.js',
      handler: 'handler',
      // IoT Core waits at most 5 seconds for a custom authorizer.
      timeoutSeconds: 5,
      environment: {
        USER_POOL_ID: { userPool: 'coffee' },
        USER_POOL_CLIENT_ID: { userPoolClient: 'apps', userPool: 'coffee' },
      },
    },
  },
  stateMachines: {
    /**
     * One execution per order: admission, the customer's drink, the barista's completion, and the
     * releases on every end (backend/README "Order flow"). Every table, the bus and every contract
     * value (event types, order states, reasons, error names) are substitutions.
     */
    orderProcessor: {
      definitionFile: 'statemachines/order-processor.asl.json',
      substitutions: {
        ...orderProcessorSubstitutions,
        OrdersTable: { table: 'orders' },
        ShopsTable: { table: 'shops' },
        CodesTable: { table: 'codes' },
        CustomersTable: { table: 'customers' },
        EventBus: { eventBus: BUS_NAME },
      },
    },
  },
  rules: {
    /**
     * An accepted QR token starts the order's execution, the event as its input. EventBridge cannot
     * name the execution (on AWS neither: an input transformer shapes only the input), so the
     * execution claims its order first and a repeated delivery ends at once.
     */
    orderProcessorNewOrder: {
      eventBus: BUS_NAME,
      eventPattern: eventPattern(EventType.NewOrder),
      targets: [{ id: 'orderProcessor', stateMachine: 'orderProcessor' }],
    },
    /** The task tokens of the workflow's two waits go to the order they belong to. */
    orderProcessorTaskTokens: {
      eventBus: BUS_NAME,
      eventPattern: eventPattern(EventType.WorkflowStarted, EventType.WaitingCompletion),
      targets: [{ id: 'tokenRecorder', function: 'tokenRecorder' }],
    },
    /** Every event of the shop goes to the apps over MQTT. */
    publisher: {
      eventBus: BUS_NAME,
      eventPattern: eventPattern(...ALL_EVENT_TYPES),
      targets: [{ id: 'publisher', function: 'publisher' }],
    },
    /**
     * Every minute, and at each start of the local cloud (which may have missed ticks while it was
     * stopped): the waits a crash left unanswered get their answer (`orders/wait-recovery.ts`).
     */
    waitRecovery: {
      schedule: 'rate(1 minute)',
      targets: [{ id: 'waitRecovery', function: 'waitRecovery' }],
    },
  },
  httpApi: { function: 'api' },
  /**
   * Run by the local cloud at each start, before it reports ready: 50 real orders at a scratch
   * shop, removed afterwards, so that the first rush after a start meets compiled code
   * (`warm-up/warm-up.ts`). It runs beside the API, in the same runtime. Not deployed: a Lambda
   * runtime warms on its own traffic, and there is no start to warm before.
   */
  warmUp: {
    entry: 'dist/warm-up/warm-up.js',
    handler: 'handler',
    environment: apiEnvironment,
  },
  /**
   * Who may subscribe to which topics (DESIGN "MQTT topics"), with which client ids
   * (`contracts/mqtt-client-id.ts`); clients publish nothing.
   */
  iot: {
    userPool: 'coffee',
    /** On AWS, IoT Core asks this function for each connection's policy; the ID token is the `token` query parameter. */
    authorizer: { function: 'iotAuthorizer', tokenKey: 'token' },
    policies: [
      {
        principal: 'anonymous',
        connect: [MQTT_CLIENT_IDS.anonymous],
        subscribe: [policyTopicFilter(TopicKind.ShopConfig, '+')],
      },
      {
        principal: 'authenticated',
        connect: [MQTT_CLIENT_IDS.signedIn],
        subscribe: [policyTopicFilter(TopicKind.UserOrders, SIGNED_IN_USER)],
      },
      ...Object.values(StaffGroup).map((group) => ({
        principal: { group },
        subscribe: [policyTopicFilter(TopicKind.ShopQueue, '+')],
      })),
    ],
  },
  userPools: {
    coffee: {
      groups: Object.values(StaffGroup),
      clients: ['apps'],
      users: Object.values(StaffAccount).map(({ username, group }) => ({ username, groups: [group] })),
    },
  },
} satisfies ResourceDeclaration;
