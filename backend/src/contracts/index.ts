/**
 * The shop's contract, declared once and imported by the backend and the apps alike: event
 * detail-types and their details, MQTT topics and who may use them, the HTTP API's requests,
 * answers and error codes, the shop config and the roles. Free of Node-only imports.
 *
 * @packageDocumentation
 */
export * from './api.js';
export * from './config.js';
export * from './events.js';
export * from './ids.js';
export * from './mqtt-client-id.js';
export * from './order-link.js';
export * from './orders.js';
export * from './roles.js';
export * from './topics.js';
