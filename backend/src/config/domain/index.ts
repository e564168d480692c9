/**
 * The config service's pure rules: shop limits (bounds, partial updates, first values from the
 * environment), opening and closing, drink availability, and what changed.
 *
 * @packageDocumentation
 */
export * from './limits.js';
export * from './shop-config.js';
