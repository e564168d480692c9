import { checkShopEnvironment } from '../config/domain/configured-shops.js';
import { createApi } from './app.js';
import { toLambdaHandler } from './lambda-adapter.js';

/**
 * The Lambda handler of the HTTP API (API Gateway HTTP API, `$default` route, payload format
 * 2.0), declared as the `api` function in `resources.ts` and served locally at `/api`.
 *
 * Environment: `SHOPS_TABLE`, `EVENT_BUS`, `USER_POOL_ID`, `USER_POOL_CLIENT_ID` (and optionally
 * `USER_POOL_ISSUER`), the `COFFEE_*` limits and shops (`COFFEE_SHOPS`).
 */
export const handler = toLambdaHandler(createApi());

// The shops are created from the COFFEE_* variables on their first read: a malformed one stops
// the module from loading (the local cloud's start says so in one line), instead of failing
// every request to those shops later.
checkShopEnvironment(process.env);
