import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { type OrderState, OrderStateSchema } from '../contracts/orders.js';
import { shopStateKey } from '../orders/order-store.js';

/** What the insight reads of an order: no more than the statistics need. */
export interface OrderTimes {
  createdAt: string;
  submittedAt?: string;
  readyAt?: string;
  drinkId?: string;
}

/** The most orders one window reads per state: far beyond a shop's hour. */
export const MAX_WINDOW_ORDERS = 5000;

/**
 * A shop's orders in `state` created at or after `createdFrom`: one Query of the `byShopState`
 * index (`<shopId>#<state>`, sort key `createdAt`) — never a scan — reading only the times and
 * the drink. `readyFrom` adds a filter on `readyAt`, so only the window's completions travel.
 */
export async function orderTimes(
  shopId: string,
  state: OrderState,
  createdFrom: string,
  readyFrom?: string,
): Promise<OrderTimes[]> {
  OrderStateSchema.parse(state);
  const items = await aws.dynamodb().queryUpTo(
    {
      TableName: names.ordersTable(),
      IndexName: 'byShopState',
      KeyConditionExpression: 'shopState = :key AND createdAt >= :from',
      ProjectionExpression: 'createdAt, submittedAt, readyAt, drink.drinkId',
      ExpressionAttributeValues: {
        ':key': shopStateKey(shopId, state),
        ':from': createdFrom,
        ...(readyFrom !== undefined && { ':readyFrom': readyFrom }),
      },
      ...(readyFrom !== undefined && { FilterExpression: 'readyAt >= :readyFrom' }),
    },
    MAX_WINDOW_ORDERS,
  );
  return items.map(toTimes);
}

function toTimes(item: Record<string, unknown>): OrderTimes {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const drink = item.drink as { drinkId?: unknown } | undefined;
  const times: OrderTimes = { createdAt: String(item.createdAt) };
  const submittedAt = text(item.submittedAt);
  const readyAt = text(item.readyAt);
  const drinkId = text(drink?.drinkId);
  if (submittedAt) times.submittedAt = submittedAt;
  if (readyAt) times.readyAt = readyAt;
  if (drinkId) times.drinkId = drinkId;
  return times;
}
