import { ordersHoldingSlots } from '../config/shop-store.js';
import { getOrders } from './order-store.js';
import { answerWait } from './workflow-signals.js';

/** What one run of {@link handler} found: the orders it looked at, and the waits it answered. */
export interface WaitRecovery {
  checked: number;
  answered: string[];
}

/**
 * The `waitRecovery` function (rule `waitRecovery`, every minute; the local cloud also runs it at
 * each start): answers again the OrderProcessor waits whose answer a crash may have lost. The
 * orders API records an outcome on the order — the drink, the completion, a cancellation — and
 * answers the workflow's wait after, leaving the task token on the order until the workflow has
 * taken it. A crash between the two left the execution waiting for its timeout (the barista's is
 * 15 minutes), holding a queue slot and the customer's one open order, and a submitted drink
 * ended cancelled by the customer timeout. The orders whose workflow is still running are those
 * holding a slot, read in one BatchGetItem (the run repeats every minute, beside the rush it must
 * not slow); each that carries a token gets the answer it records (`answerWait`): nothing while
 * the order is still in the wait's own state, `over` when the answer had arrived after all.
 */
export async function handler(): Promise<WaitRecovery> {
  const orders = await getOrders(await ordersHoldingSlots());
  const answered: string[] = [];
  await Promise.all(
    orders.map(async (order) => {
      if (!order.taskToken || !order.taskTokenFor) return;
      const answer = await answerWait(order, {
        taskToken: order.taskToken,
        taskTokenFor: order.taskTokenFor,
      });
      if (answer === 'answered') answered.push(order.orderId);
    }),
  );
  if (answered.length > 0)
    console.log(
      `wait recovery: answered the lost answer of ${answered.length} order(s): ${answered.join(', ')}`,
    );
  return { checked: orders.length, answered };
}
