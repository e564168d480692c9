/**
 * The validator's pure rules: rotating QR codes verifiable without storage, and the per-customer
 * limits checked before a new order is accepted.
 *
 * @packageDocumentation
 */
export * from './customer-limits.js';
export * from './qr-codes.js';
