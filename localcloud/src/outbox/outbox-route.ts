import { type EdgeRoute, sendJson } from '../edge/edge-route.js';
import type { OutboxMessage } from './outbox.js';

/** The path of the outbox on the edge. */
export const OUTBOX_PATH = '/_localcloud/outbox';

/** `GET /_localcloud/outbox`: the messages sent so far as a JSON array, oldest first. */
export function outboxRoute(list: () => OutboxMessage[]): EdgeRoute {
  return {
    matches: (request, url) => request.method === 'GET' && url.pathname === OUTBOX_PATH,
    handle: async (_request, response) => {
      sendJson(response, 200, list(), { 'cache-control': 'no-store' });
    },
  };
}
