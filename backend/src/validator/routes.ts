import type { ApiRouter } from '../api/router.js';
import { loadShop } from '../config/shop-store.js';
import { Api, IDEMPOTENCY_KEY_HEADER } from '../contracts/api.js';
import { customerNameOf } from '../contracts/orders.js';
import { requestOrigin } from './request-origin.js';
import { placeOrder, qrCodeOf } from './validator-service.js';

/**
 * The validator's routes: the display's and barista's current QR code, and the customer's order
 * from a scanned token. Each finds the shop first (404), then reads the body (400).
 */
export function registerValidatorRoutes(router: ApiRouter): void {
  router.add(Api.getQrCode, async ({ params, header }) => {
    const shop = await loadShop(params.shopId);
    return qrCodeOf(shop, requestOrigin(header));
  });

  router.add(Api.placeOrder, ({ params, principal, body, header }) =>
    placeOrder({
      shopId: params.shopId,
      userId: principal.sub,
      name: customerNameOf(principal.email),
      token: async () => (await body()).token,
      idempotencyKey: header(IDEMPOTENCY_KEY_HEADER),
    }),
  );
}
