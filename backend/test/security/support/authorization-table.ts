import { type Access, Api, type RouteName } from '../../../src/contracts/api.js';
import { TopicKind } from '../../../src/contracts/topics.js';

/**
 * The authorization matrix: who is asking (the columns), DESIGN's rules for each route and topic,
 * the outcome each rule predicts, and the Markdown table of what was observed (`docs/authorization.md`).
 */

/**
 * The callers of the matrix. `owner` is customer A, whose order (or topic) the request is about;
 * `another customer` is customer B asking about A's order (on routes about no order, simply a
 * customer).
 */
export const WHO = ['anonymous', 'owner', 'another customer', 'barista', 'display'] as const;

/** A column of the matrix. */
export type Who = (typeof WHO)[number];

/**
 * DESIGN's "who" column of the HTTP API table, verbatim, route by route. Typed by the route table,
 * so a route added to `Api` does not compile until its row says who may call it.
 */
export const DESIGN_WHO: Record<RouteName, string> = {
  getShopConfig: 'anyone',
  setShopOpen: 'barista',
  setDrinkAvailability: 'barista',
  updateLimits: 'barista',
  getQrCode: 'display, barista',
  placeOrder: 'customer',
  listShopOrders: 'barista, display',
  getOrder: 'owner, barista, display',
  submitDrink: 'owner',
  makeOrder: 'barista',
  unmakeOrder: 'barista',
  completeOrder: 'barista',
  cancelOrder: 'owner, barista',
  listMyOrders: 'customer',
  // Routes not (yet) in DESIGN's table: the access the issues that added them give them.
  getWorkflow: 'barista',
  getOrderHistory: 'barista',
  getWaitTimes: 'customer, barista, display',
};

/** DESIGN's "who may subscribe" column of the MQTT topics table, for A's topic in the user kind. */
export const DESIGN_SUBSCRIBERS: Record<TopicKind, readonly Who[]> = {
  [TopicKind.ShopQueue]: ['barista', 'display'],
  [TopicKind.ShopConfig]: ['anonymous', 'owner', 'another customer', 'barista', 'display'],
  [TopicKind.UserOrders]: ['owner'],
};

/** The access list DESIGN's "who" column names. */
export function designAccess(name: RouteName): Access[] {
  return DESIGN_WHO[name].split(',').map((who) => who.trim() as Access);
}

/** What a cell of the HTTP matrix answered: the status, and the error code when it is an error. */
export interface Outcome {
  status: number;
  code?: string;
}

/**
 * What DESIGN says a caller gets from a route, in its order of checks: anyone passes an `anyone`
 * route; no token → 401; a role the route does not list → 403; a customer on an `owner` route
 * about another's order → 404; otherwise the route's success.
 */
export function expectedOutcome(name: RouteName, who: Who): Outcome {
  const access = designAccess(name);
  const success = { status: Api[name].status };
  if (access.includes('anyone')) return success;
  if (who === 'anonymous') return { status: 401, code: 'unauthenticated' };
  if (who === 'barista' || who === 'display') return access.includes(who) ? success : forbidden;
  if (access.includes('customer')) return success;
  if (access.includes('owner')) return who === 'owner' ? success : { status: 404, code: 'not-found' };
  return forbidden;
}

const forbidden: Outcome = { status: 403, code: 'forbidden' };

/** What a client observed on an MQTT topic: its subscription granted or refused, its publish accepted or refused. */
export type MqttOutcome = 'granted' | 'refused';

/** The topic of each kind the matrix tries, with `{…}` placeholders as the docs show them. */
export const TOPIC_PATTERNS: Record<TopicKind, string> = {
  [TopicKind.ShopQueue]: 'shops/{shopId}/queue',
  [TopicKind.ShopConfig]: 'shops/{shopId}/config',
  [TopicKind.UserOrders]: 'users/{userId}/orders',
};

/** Everything the matrix observed, to render. */
export interface ObservedMatrix {
  http: Record<RouteName, Record<Who, Outcome>>;
  subscribe: Record<TopicKind, Record<Who, MqttOutcome>>;
  publish: Record<TopicKind, Record<Who, MqttOutcome>>;
}

const HEADERS: Record<Who, string> = {
  anonymous: 'anonymous',
  owner: 'customer A (owner)',
  'another customer': 'customer B',
  barista: 'barista',
  display: 'display',
};

function httpCell(outcome: Outcome): string {
  return outcome.code === undefined ? `✅ ${outcome.status}` : `${outcome.status} \`${outcome.code}\``;
}

function mqttCell(outcome: MqttOutcome): string {
  return outcome === 'granted' ? '✅ granted' : '— refused';
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The Markdown of `docs/authorization.md`, from what the matrix observed. */
export function renderAuthorizationDocs(observed: ObservedMatrix): string {
  const header = (first: string) => row([first, ...WHO.map((who) => HEADERS[who])]);
  const rule = row(['---', ...WHO.map(() => '---')]);
  const httpRows = (Object.keys(Api) as RouteName[]).map((name) =>
    row([
      `\`${Api[name].method} ${Api[name].path}\``,
      ...WHO.map((who) => httpCell(observed.http[name][who])),
    ]),
  );
  const kinds = Object.values(TopicKind);
  const subscribeRows = kinds.map((kind) =>
    row([
      `subscribe \`${TOPIC_PATTERNS[kind]}\``,
      ...WHO.map((who) => mqttCell(observed.subscribe[kind][who])),
    ]),
  );
  const publishRows = kinds.map((kind) =>
    row([`publish \`${TOPIC_PATTERNS[kind]}\``, ...WHO.map((who) => mqttCell(observed.publish[kind][who]))]),
  );
  return [
    '# Who may do what',
    '',
    '<!-- Generated: do not edit by hand. -->',
    '',
    'This table is **generated from what the running shop answered**, not written by hand.',
    '`backend/test/security/authorization-matrix.test.ts` starts the whole shop on the local cloud',
    '(real user-pool tokens, the real MQTT broker), makes every call of the HTTP API (the `Api` route',
    'table of `backend/src/contracts/api.ts`) and every MQTT subscribe and publish as each caller below,',
    'checks each answer against DESIGN ("HTTP API", "MQTT topics", "Roles"; a route not yet in DESIGN\'s',
    'table against the access its issue gives it, `DESIGN_WHO` in `test/security/support/`), and renders what it observed',
    'into this file. The test fails when this file differs from what it observed, so it cannot drift',
    'from the code. After an intended change of access, regenerate it from `backend/`:',
    '',
    '```sh',
    'npx vitest run test/security/authorization-matrix.test.ts --update',
    '```',
    '',
    'The callers: **anonymous** (no token), **customer A** (the owner of the order, or of the',
    '`users/{userId}/orders` topic, the row is about), **customer B** (another signed-in customer; on',
    'routes about no order, simply a customer), and the staff accounts **barista** and **display**.',
    'Every call that succeeds is made on a fresh shop and order in the state the action needs (an order',
    'to make is `SUBMITTED`, one to complete `MAKING`, ...), so each cell shows access alone. A refused',
    'call is also checked to change nothing.',
    '',
    '## HTTP API',
    '',
    '✅ the route’s success status; otherwise the status and `error.code` of the answer. Checks run in',
    'DESIGN’s order: no valid ID token → 401 `unauthenticated`; a role the route does not admit → 403',
    '`forbidden`; someone else’s order → 404 `not-found` (no hint that it exists).',
    '',
    header('route'),
    rule,
    ...httpRows,
    '',
    '## MQTT topics',
    '',
    'Over WebSocket at `/mqtt` (`?token=<ID token>`; without one, anonymous). A refused subscription',
    'gets the SUBACK failure code (0x80); a client publish is refused by closing the connection, as IoT',
    'Core does: clients publish nothing, only the backend does.',
    '',
    header('topic'),
    rule,
    ...subscribeRows,
    ...publishRows,
    '',
  ].join('\n');
}
