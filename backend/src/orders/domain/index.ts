/**
 * The orders service's pure rules: the order state machine, who may take which action, and the
 * drink check against the menu.
 *
 * @packageDocumentation
 */
export * from './drink-validation.js';
export * from './order-transitions.js';
