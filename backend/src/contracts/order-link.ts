import { z } from 'zod';
import { ShopIdSchema } from './ids.js';

/** The customer app's path, which the QR code's URL opens. */
export const ORDER_APP_PATH = '/order';

const SHOP_PARAM = 'shop';
const TOKEN_PARAM = 'token';

/** What a QR code's URL carries: the shop and the code's token. */
export const OrderLinkSchema = z.object({ shopId: ShopIdSchema, token: z.string().min(1) });

/** See {@link OrderLinkSchema}. */
export type OrderLink = z.infer<typeof OrderLinkSchema>;

/**
 * The URL a QR code encodes: the customer app on `webOrigin` (e.g. `http://192.168.1.20:3000`)
 * with the shop and the token in the query, e.g. `http://…/order?shop=main&token=…`.
 */
export function orderLinkUrl(webOrigin: string, link: OrderLink): string {
  const url = new URL(ORDER_APP_PATH, webOrigin);
  url.searchParams.set(SHOP_PARAM, link.shopId);
  url.searchParams.set(TOKEN_PARAM, link.token);
  return url.toString();
}

/** The shop and token of a QR code's URL (or of the customer app's current URL), or `undefined`. */
export function parseOrderLink(url: string | URL): OrderLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const link = OrderLinkSchema.safeParse({
    shopId: parsed.searchParams.get(SHOP_PARAM),
    token: parsed.searchParams.get(TOKEN_PARAM),
  });
  return link.success ? link.data : undefined;
}
