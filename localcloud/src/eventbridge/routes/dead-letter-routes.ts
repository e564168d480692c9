import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../edge/aws-json-service.js';
import { type EdgeRoute, sendJson } from '../../edge/edge-route.js';
import type { DeadLetter } from '../delivery/dead-letter.js';

/** Where the dead-letter store is listed. */
export const DEAD_LETTERS_PATH = '/_localcloud/events/dead-letters';
/** Where dead letters are redriven. */
export const REDRIVE_PATH = `${DEAD_LETTERS_PATH}/redrive`;

/** What the routes need of the service. */
export interface DeadLetterStore {
  listDeadLetters(): Promise<DeadLetter[]>;
  redriveDeadLetters(ids?: readonly string[]): Promise<string[]>;
}

/**
 * The local doors to the dead-letter store:
 * - `GET /_localcloud/events/dead-letters`: the dead letters as a JSON list, oldest first;
 * - `POST /_localcloud/events/dead-letters/redrive`: delivers them again; a body
 *   `{ "ids": [...] }` limits it to those. Answers `{ "redriven": [ids] }`.
 */
export function deadLetterRoutes(store: DeadLetterStore): EdgeRoute[] {
  return [
    route(DEAD_LETTERS_PATH, 'GET', async (_request, response) => {
      sendJson(response, 200, await store.listDeadLetters());
    }),
    route(REDRIVE_PATH, 'POST', async (request, response) => {
      const ids = await readIds(request);
      if (ids instanceof Error) {
        sendJson(response, 400, { error: { code: 'invalid-request', message: ids.message } });
        return;
      }
      sendJson(response, 200, { redriven: await store.redriveDeadLetters(ids) });
    }),
  ];
}

function route(
  path: string,
  method: string,
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): EdgeRoute {
  return {
    matches: (_request, url) => url.pathname === path,
    async handle(request, response) {
      if (request.method !== method) {
        sendJson(
          response,
          405,
          { error: { code: 'method-not-allowed', message: `Use ${method} on ${path}` } },
          { allow: method },
        );
        return;
      }
      await handle(request, response);
    },
  };
}

/** The ids a redrive request names: undefined for all, or an Error saying what is wrong. */
async function readIds(request: IncomingMessage): Promise<string[] | undefined | Error> {
  const body = await readBody(request);
  if (body === undefined) return new Error('The request body is too large');
  if (body.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return new Error('The request body is not JSON');
  }
  const ids = (parsed as { ids?: unknown } | null)?.ids;
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    return new Error('"ids" must be a list of dead-letter ids');
  }
  return ids;
}
