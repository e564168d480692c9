import { z } from 'zod';

/**
 * An identifier of a shop, an order or a user (a Cognito `sub` is a UUID). Kept to characters that
 * are safe unescaped in a URL path, a DynamoDB key and one MQTT topic level, so that no identifier
 * can smuggle a `/`, `+` or `#` into a topic.
 */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'Expected 1 to 128 letters, digits, "-" or "_"');

/** The identifier of a shop, e.g. `main`. See {@link IdSchema}. */
export const ShopIdSchema = IdSchema;
/** The identifier of an order. See {@link IdSchema}. */
export const OrderIdSchema = IdSchema;
/** The identifier of a user: the user pool's `sub`. See {@link IdSchema}. */
export const UserIdSchema = IdSchema;

/** A lowercase kebab-case identifier of a menu item or a modifier, e.g. `flat-white`, `milk`. */
export const SlugSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Expected a lowercase kebab-case identifier');

/** An ISO 8601 time in UTC, as `Date#toISOString` writes it. Every time of the contract has this form. */
export const IsoTimeSchema = z.iso.datetime();

/** See {@link ShopIdSchema}. */
export type ShopId = z.infer<typeof ShopIdSchema>;
/** See {@link OrderIdSchema}. */
export type OrderId = z.infer<typeof OrderIdSchema>;
/** See {@link UserIdSchema}. */
export type UserId = z.infer<typeof UserIdSchema>;
