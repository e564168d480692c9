import { limitsFromEnvironment } from '../config/domain/limits.js';
import { createApi } from './app.js';
import { toLambdaHandler } from './lambda-adapter.js';

/**
 * The Lambda handler of the HTTP API (API Gateway HTTP API, `$default` route, payload format
 * 2.0), declared as the `api` function in `resources.ts` and served locally at `/api`.
 *
 * Environment: `SHOPS_TABLE`, `EVENT_BUS`, `USER_POOL_ID`, `USER_POOL_CLIENT_ID` (and optionally
 * `USER_POOL_ISSUER`), the `COFFEE_*` limits of the default shop.
 */
export const handler = toLambdaHandler(createApi());

// The default shop takes its first limits from the COFFEE_* variables when it is first read: one
// that is not a whole number within bounds stops the module from loading (the local cloud's start
// says so in one line), instead of failing every request to the default shop later.
limitsFromEnvironment(process.env);
