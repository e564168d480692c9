import type { ApiRouter } from '../api/router.js';
import { loadShop } from '../config/shop-store.js';
import { Api, IDEMPOTENCY_KEY_HEADER } from '../contracts/api.js';
import { customerNameOf } from '../contracts/orders.js';
import { readCustomer } from './customer-store.js';
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

  router.add(Api.placeOrder, async ({ params, principal, body, header }) => {
    // The customer's item is read alongside the shop, not after it: one wait fewer for every scan.
    const [shop, known] = await Promise.all([
      loadShop(params.shopId),
      readCustomer(params.shopId, principal.sub),
    ]);
    const { token } = await body();
    const customer = { userId: principal.sub, name: customerNameOf(principal.email), known };
    return placeOrder(shop, customer, token, header(IDEMPOTENCY_KEY_HEADER));
  });
}
