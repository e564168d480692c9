import type { ApiRouter } from '../api/router.js';
import { Api } from '../contracts/api.js';
import { describeWorkflow, orderHistory } from './ops-service.js';

/**
 * The ops service's routes, for baristas and operators: the OrderProcessor with live counts per
 * state, and one order's execution history — what the Step Functions console shows, through the
 * Step Functions API on either runtime.
 */
export function registerOpsRoutes(router: ApiRouter): void {
  router.add(Api.getWorkflow, () => describeWorkflow());
  router.add(Api.getOrderHistory, ({ params }) => orderHistory(params.orderId));
}
