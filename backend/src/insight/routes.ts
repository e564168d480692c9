import type { ApiRouter } from '../api/router.js';
import { Api } from '../contracts/api.js';
import { waitTimes } from './wait-time-service.js';

/** The insight service's routes: the shop's wait times, public like its config (aggregates only). */
export function registerInsightRoutes(router: ApiRouter): void {
  router.add(Api.getWaitTimes, ({ params, query }) => waitTimes(params.shopId, query.windowMinutes));
}
