import type { ApiRouter } from '../api/router.js';
import { Api } from '../contracts/api.js';
import { NotFoundError } from '../errors.js';
import { changeShopConfig, getShopConfig } from './config-service.js';
import { setDrinkAvailability, setShopOpen, updateLimits } from './domain/shop-config.js';
import { loadShop } from './shop-store.js';

/**
 * The config service's routes: the public config, and the barista's open/close, drink
 * availability and limits. Each change handler finds the shop first (404), then reads the body
 * (400), then applies the pure rule through {@link changeShopConfig}, which announces the change.
 */
export function registerConfigRoutes(router: ApiRouter): void {
  router.add(Api.getShopConfig, ({ params }) => getShopConfig(params.shopId));

  router.add(Api.setShopOpen, async ({ params, body }) => {
    const shop = await loadShop(params.shopId);
    const { open } = await body();
    return changeShopConfig(shop, (config) => setShopOpen(config, open));
  });

  router.add(Api.setDrinkAvailability, async ({ params, body }) => {
    const shop = await loadShop(params.shopId);
    if (!shop.menu.some((drink) => drink.id === params.drinkId))
      throw new NotFoundError(`There is no drink "${params.drinkId}" on the menu.`);
    const { available } = await body();
    return changeShopConfig(shop, (config) => setDrinkAvailability(config, params.drinkId, available));
  });

  router.add(Api.updateLimits, async ({ params, body }) => {
    const shop = await loadShop(params.shopId);
    const update = await body();
    return changeShopConfig(shop, (config) => updateLimits(config, update));
  });
}
