import type { Api, Order, RouteName, RouteResponse } from '@coffee/backend/contracts';
import type { ApiClient, CallInput } from '../api/api-client';

/** One recorded call of a {@link FakeApi}. */
export interface FakeApiCall {
  name: RouteName;
  input: CallInput<(typeof Api)[RouteName]>;
}

/** What a fake route answers: a value, or a function of the input (throw an `ApiError` to fail). */
export type FakeRoute<N extends RouteName> =
  | RouteResponse<(typeof Api)[N]>
  | ((
      input: CallInput<(typeof Api)[N]>,
    ) => RouteResponse<(typeof Api)[N]> | Promise<RouteResponse<(typeof Api)[N]>>);

/** An {@link ApiClient} for tests that answers from `routes` and records every call. */
export interface FakeApi extends ApiClient {
  readonly calls: FakeApiCall[];
  /** Sets (or replaces) what a route answers. */
  on<N extends RouteName>(name: N, answer: FakeRoute<N>): void;
}

/** A new {@link FakeApi}; a call to a route without an answer fails the test with a clear message. */
export function createFakeApi(routes: { [N in RouteName]?: FakeRoute<N> } = {}): FakeApi {
  const answers: Record<string, unknown> = { ...routes };
  const calls: FakeApiCall[] = [];
  return {
    calls,
    on(name, answer) {
      answers[name] = answer;
    },
    async call(name, input) {
      calls.push({ name, input: input as FakeApiCall['input'] });
      const answer = answers[name];
      if (answer === undefined) throw new Error(`The fake API has no answer for ${name}`);
      const value = typeof answer === 'function' ? await answer(input) : answer;
      return structuredClone(value) as never;
    },
  };
}

/**
 * A `listShopOrders` answer listing those of `orders` in the state asked for; `orders` is read at
 * each call, so a test can add to it to arrange what the next listing finds.
 */
export function ordersByState(orders: readonly Order[]): FakeRoute<'listShopOrders'> {
  return ({ query }) => ({ orders: orders.filter((order) => order.state === query.state) });
}
