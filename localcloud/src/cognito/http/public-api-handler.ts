import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AwsJsonService, serveAwsJson } from '../../edge/aws-json-service.js';
import { handleCors } from '../../edge/cors.js';
import { sendJson } from '../../edge/edge-route.js';

/** A handler the web port can mount: `(request, response, url)`. */
export type PublicApiHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => Promise<void>;

/**
 * The user pools API for browsers, to mount on a public port (the web port, at a path such as
 * `/cognito`) as Amplify's `userPoolEndpoint`. It answers CORS, and only the actions of
 * `service`, which should be the public ones: the edge itself stays on loopback.
 */
export function publicApiHandler(service: AwsJsonService, region: string): PublicApiHandler {
  const prefix = `${service.targetPrefix}.`;
  return async (request, response) => {
    if (handleCors(request, response)) return;
    const target = request.headers['x-amz-target'];
    if (request.method !== 'POST' || typeof target !== 'string' || !target.startsWith(prefix)) {
      return sendJson(response, 404, {
        __type: 'UnknownOperationException',
        message: `Expected a POST with X-Amz-Target ${prefix}<Action>`,
      });
    }
    await serveAwsJson(service, target.slice(prefix.length), request, response, region);
  };
}
