import type { ResourceDeclaration } from '@coffee/localcloud';

/**
 * Every AWS resource of the coffee shop, declared once. The local cloud creates them at
 * `npm start`; the CDK stack deploys them. Paths are relative to this package's folder.
 *
 * Tables are keyed so no partition holds every order: orders by id, with indexes for a shop's
 * queue by state and a customer's history; counters and limits live on single items updated
 * with conditional writes (no transactions, so the local and AWS runtimes behave alike).
 */
export const resources = {
  tables: {
    /** One item per shop: config, menu, limits, the open-order count and the order counter. */
    shops: { partitionKey: { name: 'shopId', type: 'S' } },
    /** One item per QR code period of a shop, with the drinks it still admits. */
    codes: { partitionKey: { name: 'shopId', type: 'S' }, sortKey: { name: 'period', type: 'N' } },
    /** One item per order. */
    orders: {
      partitionKey: { name: 'orderId', type: 'S' },
      globalSecondaryIndexes: [
        {
          name: 'byShopState',
          partitionKey: { name: 'shopState', type: 'S' },
          sortKey: { name: 'createdAt', type: 'S' },
        },
        {
          name: 'byUser',
          partitionKey: { name: 'userId', type: 'S' },
          sortKey: { name: 'createdAt', type: 'S' },
        },
      ],
    },
    /** One item per customer of a shop: the open order and the day's count, for the limits. */
    customers: { partitionKey: { name: 'customerKey', type: 'S' } },
    /** Replies to requests carrying an Idempotency-Key, per caller, kept for a day. */
    idempotency: { partitionKey: { name: 'key', type: 'S' } },
  },
  eventBuses: ['coffee'],
  userPools: {
    coffee: {
      groups: ['barista', 'display'],
      clients: ['apps'],
      users: [
        { username: 'barista', groups: ['barista'] },
        { username: 'display', groups: ['display'] },
      ],
    },
  },
} satisfies ResourceDeclaration;
