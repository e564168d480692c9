import { type CoffeeEvent, EventType, type PublicMessage } from './events.js';
import { IdSchema } from './ids.js';

/** The kinds of MQTT topic of DESIGN's "MQTT topics" table. */
export const TopicKind = {
  /** `shops/{shopId}/queue`: every order event of the shop, for baristas and the display. */
  ShopQueue: 'shop-queue',
  /** `shops/{shopId}/config`: `ConfigChanged`, for everyone. */
  ShopConfig: 'shop-config',
  /** `users/{userId}/orders`: the events of that user's orders, for that user only. */
  UserOrders: 'user-orders',
} as const;

/** See {@link TopicKind}. */
export type TopicKind = (typeof TopicKind)[keyof typeof TopicKind];

/** Each kind's topic is `{prefix}/{id}/{suffix}`; the one place the topic words are written. */
const LAYOUT = {
  [TopicKind.ShopQueue]: { prefix: 'shops', suffix: 'queue' },
  [TopicKind.ShopConfig]: { prefix: 'shops', suffix: 'config' },
  [TopicKind.UserOrders]: { prefix: 'users', suffix: 'orders' },
} as const satisfies Record<TopicKind, { prefix: string; suffix: string }>;

/** A topic of the shop, parsed. */
export type ParsedTopic =
  | { kind: typeof TopicKind.ShopQueue | typeof TopicKind.ShopConfig; shopId: string }
  | { kind: typeof TopicKind.UserOrders; userId: string };

function build(kind: TopicKind, id: string): string {
  const { prefix, suffix } = LAYOUT[kind];
  return `${prefix}/${IdSchema.parse(id)}/${suffix}`;
}

/** The policy variable the broker replaces with the signed-in user's id. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IoT policy variable, not a template.
export const SIGNED_IN_USER = '${sub}';

/**
 * A topic filter of one kind for an IoT policy: any id (`+`), or a policy variable the broker
 * fills in per client (`\${sub}`, the signed-in user's id).
 */
export function policyTopicFilter(kind: TopicKind, id: '+' | typeof SIGNED_IN_USER): string {
  const { prefix, suffix } = LAYOUT[kind];
  return `${prefix}/${id}/${suffix}`;
}

/** `shops/{shopId}/queue`. Throws a `ZodError` for an id that is not an {@link IdSchema}. */
export function shopQueueTopic(shopId: string): string {
  return build(TopicKind.ShopQueue, shopId);
}

/** `shops/{shopId}/config`. Throws a `ZodError` for an id that is not an {@link IdSchema}. */
export function shopConfigTopic(shopId: string): string {
  return build(TopicKind.ShopConfig, shopId);
}

/** `users/{userId}/orders`. Throws a `ZodError` for an id that is not an {@link IdSchema}. */
export function userOrdersTopic(userId: string): string {
  return build(TopicKind.UserOrders, userId);
}

/**
 * The shop topic `topic` names, or `undefined` when it is none of them. A filter holding a
 * wildcard is never a shop topic: `+` and `#` are not valid in an id.
 */
export function parseTopic(topic: string): ParsedTopic | undefined {
  const levels = topic.split('/');
  if (levels.length !== 3) return undefined;
  const [prefix, id = '', suffix] = levels;
  if (!IdSchema.safeParse(id).success) return undefined;
  for (const kind of Object.values(TopicKind)) {
    if (LAYOUT[kind].prefix !== prefix || LAYOUT[kind].suffix !== suffix) continue;
    return kind === TopicKind.UserOrders ? { kind, userId: id } : { kind, shopId: id };
  }
  return undefined;
}

/**
 * The topics an event is published to: an order event to its shop's queue and its user's topic,
 * `ConfigChanged` to its shop's config topic.
 */
export function topicsFor(event: CoffeeEvent | PublicMessage): string[] {
  if (event.type === EventType.ConfigChanged) return [shopConfigTopic(event.detail.shopId)];
  return [shopQueueTopic(event.detail.shopId), userOrdersTopic(event.detail.userId)];
}
