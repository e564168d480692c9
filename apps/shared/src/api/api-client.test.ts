import { describe, expect, it } from 'vitest';
import { createApiClient, urlFor } from './api-client';
import { ApiError } from './api-error';
import { errorMessage } from './error-messages';

const ORDER = {
  orderId: 'o1',
  shopId: 'main',
  userId: 'u1',
  state: 'CREATED',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:01.000Z',
};

interface Seen {
  url: string;
  init: RequestInit;
}

function client(answer: () => Response | Promise<Response>, token: string | null = 'id-token') {
  const seen: Seen[] = [];
  const api = createApiClient({
    apiUrl: 'http://127.0.0.1:3000/api',
    getToken: async () => token ?? undefined,
    fetch: async (url, init) => {
      seen.push({ url: String(url), init: init ?? {} });
      return answer();
    },
  });
  return { api, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('urlFor', () => {
  it.each([
    ['http://127.0.0.1:3000/api', 'http://127.0.0.1:3000/api/orders/o1'],
    ['http://127.0.0.1:3000/api/', 'http://127.0.0.1:3000/api/orders/o1'],
    ['https://x.example/prod/api', 'https://x.example/prod/api/orders/o1'],
  ])('puts route paths under %s', (apiUrl, expected) => {
    expect(urlFor(apiUrl, '/api/orders/o1')).toBe(expected);
  });
});

describe('createApiClient', () => {
  it('sends the route from the contract with the bearer token, body and idempotency key', async () => {
    // Arrange
    const { api, seen } = client(() => json(202, { orderId: 'o1', state: 'PENDING' }));

    // Act
    const answer = await api.call('placeOrder', {
      params: { shopId: 'main' },
      body: { token: 'qr' },
      idempotencyKey: 'key-1',
    });

    // Assert
    expect(answer).toEqual({ orderId: 'o1', state: 'PENDING' });
    expect(seen[0]?.url).toBe('http://127.0.0.1:3000/api/shops/main/orders');
    expect(seen[0]?.init.method).toBe('POST');
    expect(seen[0]?.init.body).toBe('{"token":"qr"}');
    expect(seen[0]?.init.headers).toMatchObject({
      authorization: 'Bearer id-token',
      'Idempotency-Key': 'key-1',
      'content-type': 'application/json',
    });
  });

  it('calls anonymously without a token, and adds the query', async () => {
    // Arrange
    const { api, seen } = client(() => json(200, { orders: [ORDER] }), null);

    // Act
    await api.call('listShopOrders', { params: { shopId: 'main' }, query: { state: 'CREATED' } });

    // Assert
    expect(seen[0]?.url).toBe('http://127.0.0.1:3000/api/shops/main/orders?state=CREATED');
    expect(seen[0]?.init.headers).not.toHaveProperty('authorization');
  });

  it('throws an ApiError with the code, status and Retry-After of an error answer', async () => {
    // Arrange
    const { api } = client(() =>
      json(409, { error: { code: 'not-ready', message: 'Not yet' } }, { 'retry-after': '1' }),
    );

    // Act
    const failure = await api
      .call('submitDrink', { params: { orderId: 'o1' }, body: { drinkId: 'latte', modifiers: {} } })
      .catch((error) => error);

    // Assert
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'not-ready', status: 409, retryAfterSeconds: 1, retryable: true });
  });

  it('turns a body that is not an API error into internal, and no answer into network', async () => {
    // Arrange
    const broken = client(() => new Response('<html>', { status: 502 }));
    const offline = client(() => Promise.reject(new TypeError('Failed to fetch')));

    // Act
    const brokenFailure = await broken.api.call('listMyOrders', { params: {} }).catch((error) => error);
    const offlineFailure = await offline.api.call('listMyOrders', { params: {} }).catch((error) => error);

    // Assert
    expect(brokenFailure).toMatchObject({ code: 'internal', status: 502 });
    expect(offlineFailure).toMatchObject({ code: 'network', status: 0, retryable: true });
    expect(errorMessage(offlineFailure)).toMatch(/offline/);
  });

  it('sends nothing, and fails as offline, when the session cannot be refreshed for now', async () => {
    const seen: string[] = [];
    const api = createApiClient({
      apiUrl: 'http://127.0.0.1:3000/api',
      getToken: () => Promise.reject(new Error('NetworkError: refreshing the tokens failed')),
      fetch: async (url) => {
        seen.push(String(url));
        return json(200, { orders: [] });
      },
    });

    const failure = await api.call('listMyOrders', { params: {} }).catch((error) => error);

    expect(failure).toMatchObject({ code: 'network', status: 0, retryable: true });
    expect(seen).toEqual([]);
  });

  it('refuses an answer that does not match the contract', async () => {
    const { api } = client(() => json(200, { orderId: 'o1' }));
    await expect(api.call('getOrder', { params: { orderId: 'o1' } })).rejects.toMatchObject({
      code: 'internal',
    });
  });
});
