import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { type Limits, type Menu, type ShopConfig, ShopConfigSchema } from '../contracts/config.js';
import { InternalError, isCoffeeError, NotFoundError } from '../errors.js';
import { shopsFromEnvironment } from './domain/configured-shops.js';
import { limitsFromEnvironment } from './domain/limits.js';
import { newShopConfig } from './domain/shop-config.js';

/**
 * A shop's item in the `shops` table (backend/README "Data"): its public config as top-level
 * attributes (`name`, `open`, `menu`, `limits` — so that the order workflow can condition on
 * `open` and `limits.capacity`), plus what never leaves the backend.
 */
export const ShopItemSchema = ShopConfigSchema.extend({
  /**
   * The ids of the orders holding a barista-queue slot: `ReserveSlot` adds the order while the set
   * is smaller than `limits.capacity`, every end of an admitted order removes it. A set rather than
   * a count, so that a workflow step run twice counts once. DynamoDB keeps no empty set: absent
   * when no order holds a slot.
   */
  slotHolders: z.set(z.string()).optional(),
  /** The last order number issued (`ADD orderNumber :one`); 0 before the first. */
  orderNumber: z.int().nonnegative(),
  /** The HMAC key of the shop's QR tokens. Secret: never in an answer or an event. */
  codeSecret: z.string().min(1),
  /** Bumped by every config change; config writes are conditional on it, so two baristas never lose each other's change. */
  configVersion: z.int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** See {@link ShopItemSchema}. */
export type ShopItem = z.infer<typeof ShopItemSchema>;

/** The bytes of a new shop's QR secret: 256 bits, a full HMAC-SHA256 key. */
const CODE_SECRET_BYTES = 32;

/** How many orders hold a slot of the shop's barista queue. */
export function openOrderCount(item: ShopItem): number {
  return item.slotHolders?.size ?? 0;
}

/** The most shops {@link ordersHoldingSlots} reads: far more than one deployment serves. */
const MAX_SHOPS = 1_000;

/**
 * The orders holding a barista-queue slot at any shop (see `slotHolders`): those whose workflow
 * has admitted them and not yet ended.
 */
export async function ordersHoldingSlots(): Promise<string[]> {
  const shops = await aws.dynamodb().scanUpTo(
    {
      TableName: names.shopsTable(),
      ProjectionExpression: 'slotHolders',
      FilterExpression: 'attribute_exists(slotHolders)',
      ConsistentRead: true,
    },
    MAX_SHOPS,
  );
  return shops.flatMap((shop) => [...(ShopItemSchema.shape.slotHolders.parse(shop.slotHolders) ?? [])]);
}

/** The public config of a shop item: only what DESIGN's config answer lists (no counters, no secret). */
export function toShopConfig(item: ShopItem): ShopConfig {
  return ShopConfigSchema.parse({
    shopId: item.shopId,
    name: item.name,
    open: item.open,
    menu: item.menu,
    limits: item.limits,
  });
}

/** The item of a shop, read consistently, or `undefined` when there is no such shop. */
export async function readShop(shopId: string): Promise<ShopItem | undefined> {
  const { Item } = await aws
    .dynamodb()
    .get({ TableName: names.shopsTable(), Key: { shopId }, ConsistentRead: true });
  return Item === undefined ? undefined : parseItem(Item);
}

/**
 * The item of a shop, answering `not-found` for a shop that does not exist. The default shop
 * (`main`) and the shops of `COFFEE_SHOPS` are created on their first read, from
 * {@link configuredShopConfig}: a fresh install needs no setup step, and two first readers racing
 * get the same shop (see {@link createShop}).
 */
export async function loadShop(
  shopId: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ShopItem> {
  const item = await readShop(shopId);
  if (item) return item;
  const config = configuredShopConfig(shopId, env);
  if (config) return (await createShop(config)).item;
  throw new NotFoundError(`There is no shop "${shopId}".`);
}

/**
 * The first config of a shop the environment names (see `shopsFromEnvironment`), or `undefined`
 * for any other: open (a fresh install takes orders at once, as DESIGN's demo expects), the demo
 * menu, and its limits from the `COFFEE_*` variables (DESIGN "Business rules"). A variable that is
 * malformed is a fault of the deployment, not of the caller: `InternalError` (the API checks them
 * as it loads, with `checkShopEnvironment`).
 */
export function configuredShopConfig(
  shopId: string,
  env: Readonly<Record<string, string | undefined>>,
): ShopConfig | undefined {
  try {
    const shop = shopsFromEnvironment(env).find((configured) => configured.shopId === shopId);
    return shop && newShopConfig({ ...shop, open: true, limits: limitsFromEnvironment(env) });
  } catch (error) {
    if (!isCoffeeError(error)) throw error;
    throw new InternalError(`The shop "${shopId}" cannot be created: ${error.message}`, { cause: error });
  }
}

/**
 * Creates a shop with a fresh QR secret and zeroed counters, with a conditional put so that it
 * never overwrites one: when the shop already exists, nothing is written and the existing item is
 * returned with `created: false`.
 *
 * This is how a shop other than `main` comes to exist — the HTTP API has no route for it (DESIGN
 * lists none). An operator runs it with the table's environment set, e.g.
 * `createShop(newShopConfig({ shopId: 'pop-up', name: 'Pop-up bar' }))`.
 */
export async function createShop(
  fields: { shopId: string; name: string; open?: boolean; menu?: Menu; limits?: Limits } | ShopConfig,
): Promise<{ item: ShopItem; created: boolean }> {
  const now = new Date().toISOString();
  const item: ShopItem = ShopItemSchema.parse({
    ...newShopConfig(fields),
    orderNumber: 0,
    codeSecret: randomBytes(CODE_SECRET_BYTES).toString('base64url'),
    configVersion: 0,
    createdAt: now,
    updatedAt: now,
  });
  try {
    await aws.dynamodb().put({
      TableName: names.shopsTable(),
      Item: item,
      ConditionExpression: 'attribute_not_exists(shopId)',
    });
    return { item, created: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const existing = await readShop(item.shopId);
  if (!existing) throw new InternalError(`The shop "${item.shopId}" exists and yet cannot be read.`);
  return { item: existing, created: false };
}

/**
 * Writes a shop's new config over the version `item` was read at, leaving the counters and the
 * secret alone. Answers the item as written, or `undefined` when another change got there first
 * (the caller reads again and reapplies its change) or the shop is gone.
 */
export async function saveShopConfig(item: ShopItem, config: ShopConfig): Promise<ShopItem | undefined> {
  try {
    const { Attributes } = await aws.dynamodb().update({
      TableName: names.shopsTable(),
      Key: { shopId: item.shopId },
      UpdateExpression:
        'SET #name = :name, #open = :open, menu = :menu, limits = :limits, configVersion = :next, updatedAt = :now',
      ConditionExpression: 'configVersion = :current',
      ExpressionAttributeNames: { '#name': 'name', '#open': 'open' },
      ExpressionAttributeValues: {
        ':name': config.name,
        ':open': config.open,
        ':menu': config.menu,
        ':limits': config.limits,
        ':current': item.configVersion,
        ':next': item.configVersion + 1,
        ':now': new Date().toISOString(),
      },
      ReturnValues: 'ALL_NEW',
    });
    return parseItem(Attributes);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

function parseItem(raw: unknown): ShopItem {
  const parsed = ShopItemSchema.safeParse(raw);
  if (!parsed.success) {
    const shopId = (raw as { shopId?: unknown } | undefined)?.shopId;
    throw new InternalError(`The stored item of the shop "${String(shopId)}" is malformed.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
