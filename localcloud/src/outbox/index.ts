export {
  type MessageSender,
  OUTBOX_FILE,
  Outbox,
  type OutboxMessage,
  type OutboxOptions,
  type OutgoingMessage,
} from './outbox.js';
export { OUTBOX_PATH, outboxRoute } from './outbox-route.js';
