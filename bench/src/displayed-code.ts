import { Api, pathFor, type QrCodeResponse } from '@coffee/backend/contracts';
import { SHOP, type ShopHarness } from './shop-harness.js';

/** How often the display app asks for the code again while customers scan it (its recount delay). */
const REFRESH_MS = 1_000;

/**
 * The code on the shop's display, kept as the display app keeps it: fetched once, fetched again in
 * the background at most once a second while customers scan it, and awaited afresh once it has
 * expired. Customers scan the code it shows, as people scan the screen, instead of each asking
 * the API for a code, a request per order that a real shop never sees.
 */
export class DisplayedCode {
  private shown: { token: string; fetchedAt: number; expiresAt: number } | undefined;
  private fetching: Promise<string> | undefined;

  constructor(private readonly shop: ShopHarness) {}

  /** The token a customer scanning the display now reads. */
  async token(): Promise<string> {
    const now = Date.now();
    if (!this.shown || now >= this.shown.expiresAt) return this.fetch();
    if (now - this.shown.fetchedAt >= REFRESH_MS) void this.fetch();
    return this.shown.token;
  }

  private fetch(): Promise<string> {
    this.fetching ??= this.shop
      .call<QrCodeResponse>('GET', pathFor(Api.getQrCode, { shopId: SHOP }), this.shop.display)
      .then((code) => {
        this.shown = { token: code.token, fetchedAt: Date.now(), expiresAt: Date.parse(code.expiresAt) };
        return code.token;
      })
      .finally(() => {
        this.fetching = undefined;
      });
    return this.fetching;
  }
}
