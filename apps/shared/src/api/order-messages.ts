import { EventType, type Order, type PublicMessage } from '@coffee/backend/contracts';

/** The order event messages (every type but `ConfigChanged`). */
export type OrderMessage = Exclude<PublicMessage, { type: typeof EventType.ConfigChanged }>;

/** Whether `message` is about one order (it then carries `orderId` and `userId`). */
export function isOrderMessage(message: PublicMessage): message is OrderMessage {
  return message.type !== EventType.ConfigChanged;
}

/**
 * The order as it is after the change, when the message carries it (the `OrderManager.*` events
 * do); `undefined` for the workflow's events, which only name the order: re-fetch it then.
 */
export function orderOfMessage(message: PublicMessage): Order | undefined {
  const detail = message.detail as { order?: Order };
  return detail.order;
}

/** Whether `candidate` is at least as recent as `current` (by `updatedAt`), so that a late message never rolls an order back. */
export function isNewerOrder(current: Order | undefined, candidate: Order): boolean {
  return !current || Date.parse(candidate.updatedAt) >= Date.parse(current.updatedAt);
}
