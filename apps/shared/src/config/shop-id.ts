import { DEFAULT_SHOP_ID, ShopIdSchema } from '@coffee/backend/contracts';

/** The shop this screen serves: `?shop=<id>` in its URL, else DESIGN's default shop `main`. */
export function shopIdFromSearch(search: string): string {
  const requested = new URLSearchParams(search).get('shop');
  const parsed = ShopIdSchema.safeParse(requested);
  return parsed.success ? parsed.data : DEFAULT_SHOP_ID;
}
