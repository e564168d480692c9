import type { OrderState } from '@coffee/backend/contracts';

/**
 * The TanStack Query keys of the API's data, shared so that a realtime message can update or
 * invalidate exactly what the apps cache.
 */
export const queryKeys = {
  /** `GET /api/shops/{shopId}/config`. */
  shopConfig: (shopId: string) => ['shops', shopId, 'config'] as const,
  /** Every `GET /api/shops/{shopId}/orders?state=…` of a shop (a prefix, for invalidation). */
  shopOrdersAll: (shopId: string) => ['shops', shopId, 'orders'] as const,
  /** `GET /api/shops/{shopId}/orders?state=S`. */
  shopOrders: (shopId: string, state: OrderState) => ['shops', shopId, 'orders', state] as const,
  /** `GET /api/shops/{shopId}/qr-code`. */
  qrCode: (shopId: string) => ['shops', shopId, 'qr-code'] as const,
  /** `GET /api/orders/{orderId}`. */
  order: (orderId: string) => ['orders', orderId] as const,
  /** `GET /api/me/orders`. */
  myOrders: () => ['me', 'orders'] as const,
  /** `GET /api/shops/{shopId}/wait-times` (the default window). */
  waitTimes: (shopId: string) => ['shops', shopId, 'wait-times'] as const,
  /** `GET /api/ops/workflow`. */
  workflow: () => ['ops', 'workflow'] as const,
  /** `GET /api/ops/orders/{orderId}/history`. */
  orderHistory: (orderId: string) => ['ops', 'orders', orderId, 'history'] as const,
};
