import {
  DEFAULT_SHOP_ID,
  DEFAULT_SHOP_NAME,
  SHOPS_ENV_VAR,
  ShopConfigSchema,
} from '../../contracts/config.js';
import { ShopIdSchema } from '../../contracts/ids.js';
import { InvalidRequestError } from '../../errors.js';
import { limitsFromEnvironment } from './limits.js';

/** A shop the environment names: created, open, on its first read (as the default shop is). */
export interface ConfiguredShop {
  shopId: string;
  name: string;
}

const NameSchema = ShopConfigSchema.shape.name;

/**
 * The shops of the environment: the default shop (`main`, named {@link DEFAULT_SHOP_NAME}), then
 * each entry of {@link SHOPS_ENV_VAR}, comma-separated, `id` or `id=Name` (an id alone is its own
 * name; `main=Name` names the default shop). Throws an `InvalidRequestError` naming the variable
 * for an id that is not a shop id (letters, digits, `-`, `_`), a name longer than a shop's, or an
 * id listed twice, so that a typo stops the start.
 */
export function shopsFromEnvironment(env: Readonly<Record<string, string | undefined>>): ConfiguredShop[] {
  const shops = new Map<string, string>([[DEFAULT_SHOP_ID, DEFAULT_SHOP_NAME]]);
  const listed = new Set<string>();
  for (const entry of (env[SHOPS_ENV_VAR] ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const [rawId = '', ...rest] = entry.split('=');
    const shopId = rawId.trim();
    const name = rest.length > 0 ? rest.join('=').trim() : shopId;
    if (!ShopIdSchema.safeParse(shopId).success)
      throw refusal(`"${shopId}" is not a shop id (1 to 128 letters, digits, "-" or "_")`);
    if (!NameSchema.safeParse(name).success)
      throw refusal(`the name of "${shopId}" must be 1 to 80 characters`);
    if (listed.has(shopId)) throw refusal(`"${shopId}" is listed twice`);
    listed.add(shopId);
    shops.set(shopId, name);
  }
  return [...shops].map(([shopId, name]) => ({ shopId, name }));
}

/**
 * Throws, with the variable's name, when a `COFFEE_*` variable the shops are created from is
 * malformed: for a start or a deployment to refuse it in one line rather than fail every request
 * later.
 */
export function checkShopEnvironment(env: Readonly<Record<string, string | undefined>>): void {
  limitsFromEnvironment(env);
  shopsFromEnvironment(env);
}

function refusal(problem: string): InvalidRequestError {
  return new InvalidRequestError(
    `${SHOPS_ENV_VAR} lists id or id=Name entries, comma-separated: ${problem}.`,
  );
}
