/**
 * The config service's pure rules: shop limits (bounds, partial updates, first values from the
 * environment), the shops the environment names, opening and closing, drink availability, and
 * what changed.
 *
 * @packageDocumentation
 */
export * from './configured-shops.js';
export * from './limits.js';
export * from './shop-config.js';
