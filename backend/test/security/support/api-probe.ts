import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { z } from 'zod';
import {
  Api,
  ERROR_STATUS,
  type ErrorCode,
  ErrorCodeSchema,
  pathFor,
  type RouteDefinition,
  type RouteName,
} from '../../../src/contracts/api.js';
import { type Order, OrderSchema, OrderState } from '../../../src/contracts/orders.js';
import { eventually } from '../../support/order-processor-cloud.js';
import type { ShopCloud } from '../../support/shop-cloud.js';
import { ClientRefusedError, HANG_MS } from './fuzz-settings.js';

/** What the HTTP API answered, read in full. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** A request as the fuzzers send it: raw path, raw body, any headers. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Sends a raw request to the web port; a request unanswered within {@link HANG_MS} fails as a hang. */
export async function send(origin: string, request: RawRequest): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers ?? {},
      ...(request.body !== undefined && { body: request.body }),
      signal: AbortSignal.timeout(HANG_MS),
    });
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === 'UND_ERR_INVALID_ARG') throw new ClientRefusedError(String(error), { cause: error });
    throw new Error(`${request.method} ${request.path} got no answer: ${String(error)}`, { cause: error });
  }
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * Sends a request with a `Host` header of our choosing (fetch sets its own), through `node:http`.
 * A header value `node:http` refuses to send is a {@link ClientRefusedError}.
 */
export function sendWithHost(origin: string, request: RawRequest & { host: string }): Promise<Answer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let outgoing: ReturnType<typeof httpRequest>;
    try {
      outgoing = httpRequest({
        hostname,
        port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, host: request.host },
        timeout: HANG_MS,
      });
    } catch (error) {
      reject(new ClientRefusedError(String(error), { cause: error }));
      return;
    }
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`${request.method} ${request.path} got no answer`)),
    );
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          if (typeof value === 'string') headers.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.end(request.body);
  });
}

/** Every route of {@link Api}, by name. */
export const ROUTE_NAMES = Object.keys(Api) as RouteName[];

/** The names of a route's path parameters, in order. */
export function paramNames(route: RouteDefinition): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/** A route's path with raw (already encoded, or deliberately broken) segments for its parameters. */
export function rawPath(route: RouteDefinition, segments: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => segments[name] ?? '');
}

/**
 * Whether the URL a client sends for `path` still has the route's shape once normalised (a `..` or
 * `%2e%2e` segment moves it to another path, which is then rightly `not-found`).
 */
export function keepsRouteShape(route: RouteDefinition, path: string): boolean {
  const pathname = new URL(path, 'http://x').pathname;
  const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
  return pattern.test(pathname);
}

/** The keys of a route's body schema (its object, unwrapped from `optional`). */
export function bodyKeys(route: RouteDefinition): string[] {
  let schema: unknown = route.body;
  while (schema instanceof z.ZodOptional) schema = schema.unwrap();
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Asserts DESIGN's error answer: a 4xx, the body exactly `{ "error": { "code", "message" } }`, a
 * known code answered with its own status, a message for a person; and, when given, a code the
 * route may answer. Answers the code.
 */
export function expectApiError(answer: Answer, allowed?: readonly ErrorCode[]): ErrorCode {
  const where = `${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeGreaterThanOrEqual(400);
  expect(answer.status, where).toBeLessThan(500);
  expect(answer.headers.get('content-type'), where).toMatch(/^application\/json/);
  const body = JSON.parse(answer.text) as { error?: Record<string, unknown> };
  expect(Object.keys(body), where).toEqual(['error']);
  expect(Object.keys(body.error ?? {}).sort(), where).toEqual(['code', 'message']);
  const code = ErrorCodeSchema.parse(body.error?.code);
  expect(typeof body.error?.message === 'string' && body.error.message.length > 0, where).toBe(true);
  expect(answer.status, where).toBe(ERROR_STATUS[code]);
  if (allowed) expect(allowed, where).toContain(code);
  if (code === 'unauthenticated') expect(answer.headers.get('www-authenticate'), where).toBe('Bearer');
  return code;
}

/** Asserts a route's success: its status and a body that fits its response schema. */
export function expectSuccess(route: RouteDefinition, answer: Answer): void {
  const where = `${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBe(route.status);
  expect(route.response.safeParse(JSON.parse(answer.text)).success, where).toBe(true);
}

/** A customer of the shop cloud: their user id and ID token. */
export interface Customer {
  userId: string;
  token: string;
}

/** An order of a customer, in a shop of its own. */
export interface OrderFixture {
  shopId: string;
  orderId: string;
  owner: Customer;
}

/** The drink every fixture order chooses. */
export const LATTE = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };

/** The state a fixture order is brought to. */
export type FixtureState = typeof OrderState.Created | typeof OrderState.Submitted | typeof OrderState.Making;

/**
 * Brings an order of `owner` in `shopId` to `state` the way people do: the display's QR code, the
 * customer's scan, the workflow's admission, the drink, the barista's claim.
 */
export async function arrangeOrderIn(
  t: ShopCloud,
  shopId: string,
  owner: Customer,
  staff: { display: string; barista: string },
  state: FixtureState,
): Promise<OrderFixture> {
  const code = await t.call('GET', pathFor(Api.getQrCode, { shopId }), { token: staff.display });
  const { token } = (await code.json()) as { token: string };
  const placed = await t.call('POST', pathFor(Api.placeOrder, { shopId }), {
    token: owner.token,
    body: { token },
  });
  if (placed.status !== 202) throw new Error(`The fixture order was refused: ${await placed.text()}`);
  const { orderId } = (await placed.json()) as { orderId: string };
  await orderUntil(t, orderId, staff.barista, (order) => order.state === OrderState.Created);
  if (state !== OrderState.Created) {
    await t.call('PUT', pathFor(Api.submitDrink, { orderId }), { token: owner.token, body: LATTE });
    await orderUntil(t, orderId, staff.barista, (order) => order.orderNumber !== undefined);
  }
  if (state === OrderState.Making) {
    const made = await t.call('POST', pathFor(Api.makeOrder, { orderId }), { token: staff.barista });
    if (made.status !== 200) throw new Error(`The fixture order was not made: ${await made.text()}`);
  }
  return { shopId, orderId, owner };
}

/** Polls an order (as a barista sees it) until `predicate` holds. */
export function orderUntil(
  t: ShopCloud,
  orderId: string,
  barista: string,
  predicate: (order: Order) => boolean,
): Promise<Order> {
  return eventually(
    async () =>
      OrderSchema.parse(
        await (await t.call('GET', pathFor(Api.getOrder, { orderId }), { token: barista })).json(),
      ),
    predicate,
  );
}
