import {
  type ConfigPart,
  DEFAULT_LIMITS,
  DEMO_MENU,
  type Limits,
  type Menu,
  type ShopConfig,
  ShopConfigSchema,
} from '../../contracts/config.js';
import { type CoffeeEvent, EventType } from '../../contracts/events.js';
import { NotFoundError } from '../../errors.js';
import { applyLimitsUpdate } from './limits.js';

/** A shop config after a change, with the parts that actually changed (none for a no-op). */
export interface ConfigUpdate {
  config: ShopConfig;
  changes: ConfigPart[];
}

/**
 * A new shop's config: the demo menu and the default limits unless given, and closed unless said
 * otherwise — a shop opens when a barista opens it, not when the server starts. Throws a
 * `ZodError` for fields that do not fit the schema (a programming error).
 */
export function newShopConfig(fields: {
  shopId: string;
  name: string;
  open?: boolean;
  menu?: Menu;
  limits?: Limits;
}): ShopConfig {
  return ShopConfigSchema.parse({
    shopId: fields.shopId,
    name: fields.name,
    open: fields.open ?? false,
    menu: structuredClone(fields.menu ?? DEMO_MENU),
    limits: { ...(fields.limits ?? DEFAULT_LIMITS) },
  });
}

/** Opens or closes the shop (`PUT /open`). */
export function setShopOpen(config: ShopConfig, open: boolean): ConfigUpdate {
  if (config.open === open) return { config, changes: [] };
  return { config: { ...config, open }, changes: ['open'] };
}

/**
 * Marks a drink available or not (`PUT /menu/{drinkId}`). Throws a `NotFoundError` for a drink not
 * on the menu: the path names a resource that does not exist.
 */
export function setDrinkAvailability(config: ShopConfig, drinkId: string, available: boolean): ConfigUpdate {
  const drink = config.menu.find((item) => item.id === drinkId);
  if (!drink) throw new NotFoundError(`There is no drink "${drinkId}" on the menu.`);
  if (drink.available === available) return { config, changes: [] };
  const menu = config.menu.map((item) => (item.id === drinkId ? { ...item, available } : item));
  return { config: { ...config, menu }, changes: ['menu'] };
}

/** Applies a `PUT /limits` body (see {@link applyLimitsUpdate}; throws an `InvalidRequestError`). */
export function updateLimits(config: ShopConfig, update: unknown): ConfigUpdate {
  const { limits, changed } = applyLimitsUpdate(config.limits, update);
  return changed ? { config: { ...config, limits }, changes: ['limits'] } : { config, changes: [] };
}

/** The parts of the config that differ between two versions of it, in a fixed order. */
export function configChanges(before: ShopConfig, after: ShopConfig): ConfigPart[] {
  const changes: ConfigPart[] = [];
  if (before.name !== after.name) changes.push('name');
  if (before.open !== after.open) changes.push('open');
  if (JSON.stringify(before.menu) !== JSON.stringify(after.menu)) changes.push('menu');
  if (JSON.stringify(before.limits) !== JSON.stringify(after.limits)) changes.push('limits');
  return changes;
}

/** The `ConfigChanged` event announcing an update, or `undefined` when nothing changed. */
export function configChangedEvent(update: ConfigUpdate): CoffeeEvent | undefined {
  const [first, ...rest] = update.changes;
  if (!first) return undefined;
  return {
    type: EventType.ConfigChanged,
    detail: { shopId: update.config.shopId, changes: [first, ...rest], config: update.config },
  };
}
