import type { ApiRouter } from '../api/router.js';
import { loadShop } from '../config/shop-store.js';
import { Api } from '../contracts/api.js';
import { actOnOrder, listMyOrders, listShopOrders, readOrder } from './order-service.js';

/**
 * The orders service's routes: reading an order, a shop's queue by state and a customer's history;
 * the customer's drink; the barista's make, unmake and complete; cancelling by the owner or a
 * barista. Each action finds the order first (404), then reads the body (400), then lets the
 * orders domain judge it (403, the drink codes, 409).
 */
export function registerOrderRoutes(router: ApiRouter): void {
  router.add(Api.getOrder, ({ principal, params }) => readOrder(principal, params.orderId));

  router.add(Api.listShopOrders, async ({ params, query }) => ({
    orders: await listShopOrders(params.shopId, query.state),
  }));

  router.add(Api.listMyOrders, async ({ principal }) => ({ orders: await listMyOrders(principal) }));

  router.add(Api.submitDrink, ({ principal, params, body }) =>
    actOnOrder(principal, params.orderId, async (order) => {
      const drink = await body();
      const { menu } = await loadShop(order.shopId);
      return { type: 'submit-drink', drink, menu };
    }),
  );

  router.add(Api.makeOrder, ({ principal, params, body }) =>
    actOnOrder(principal, params.orderId, async () => {
      await body();
      return { type: 'make' };
    }),
  );

  router.add(Api.unmakeOrder, ({ principal, params, body }) =>
    actOnOrder(principal, params.orderId, async () => {
      await body();
      return { type: 'unmake' };
    }),
  );

  router.add(Api.completeOrder, ({ principal, params, body }) =>
    actOnOrder(principal, params.orderId, async () => {
      await body();
      return { type: 'complete' };
    }),
  );

  router.add(Api.cancelOrder, ({ principal, params, body }) =>
    actOnOrder(principal, params.orderId, async () => ({ type: 'cancel', reason: (await body())?.reason })),
  );
}
