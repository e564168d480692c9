import type { ShopConfig } from '../contracts/config.js';
import { InternalError } from '../errors.js';
import { type ConfigUpdate, configChangedEvent } from './domain/shop-config.js';
import { publishEvent } from './publish-event.js';
import { loadShop, type ShopItem, saveShopConfig, toShopConfig } from './shop-store.js';

/** How many times a change is reapplied when other changes keep winning the race to the item. */
const MAX_ATTEMPTS = 10;

/** A shop's public config (`GET /api/shops/{shopId}/config`); `not-found` for an unknown shop. */
export async function getShopConfig(shopId: string): Promise<ShopConfig> {
  return toShopConfig(await loadShop(shopId));
}

/**
 * Applies a pure change (`setShopOpen`, `setDrinkAvailability`, `updateLimits`) to a shop's config
 * and answers the config after it. The write is conditional on the version the change was applied
 * to; when another change wrote first, the shop is read again and the change reapplied, so
 * concurrent changes all land. A change that changes something puts `ConfigChanged` on the bus
 * with the parts that changed and the new config; a no-op writes and announces nothing.
 *
 * @param shop - the shop as the caller already read it (first attempt), or its id
 */
export async function changeShopConfig(
  shop: ShopItem | string,
  change: (config: ShopConfig) => ConfigUpdate,
): Promise<ShopConfig> {
  let item = typeof shop === 'string' ? await loadShop(shop) : shop;
  for (let attempt = 1; ; attempt++) {
    const update = change(toShopConfig(item));
    const event = configChangedEvent(update);
    if (!event) return update.config;
    const saved = await saveShopConfig(item, update.config);
    if (saved) {
      await publishEvent(event);
      return toShopConfig(saved);
    }
    if (attempt >= MAX_ATTEMPTS)
      throw new InternalError(
        `The config of the shop "${item.shopId}" kept changing under ${attempt} attempts.`,
      );
    item = await loadShop(item.shopId);
  }
}
