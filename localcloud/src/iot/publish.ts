import { AwsServiceError, readBody } from '../edge/aws-json-service.js';
import { type EdgeRoute, sendJson } from '../edge/edge-route.js';
import { sendRestJsonError } from './rest-json-error.js';
import { topicNameProblem } from './topic-name.js';

/**
 * IoT Core's largest message payload, 128 KB.
 * https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits
 */
export const MAX_PAYLOAD_BYTES = 128 * 1024;

/** The path prefix of the data plane's Publish action: `POST /topics/{topic}`. */
const TOPICS_PREFIX = '/topics/';

/** What the Publish action asks of the broker. */
export type PublishToBroker = (
  topic: string,
  payload: Buffer,
  qos: 0 | 1,
  options: { retain: boolean },
) => Promise<void>;

const invalid = (message: string) => new AwsServiceError('InvalidRequestException', message, 400);

/** Reads the `qos` query parameter: absent means 0, as in IoT Core; 2 is not supported there. */
function parseQos(value: string | null): 0 | 1 {
  if (value === null || value === '0') return 0;
  if (value === '1') return 1;
  throw invalid(`qos must be 0 or 1, not ${value}`);
}

/** Reads the `retain` query parameter: absent means false. */
function parseRetain(value: string | null): boolean {
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw invalid(`retain must be true or false, not ${value}`);
}

/** The decoded topic of a `/topics/{topic}` path; the SDK encodes its slashes as `%2F`. */
function parseTopic(pathname: string): string {
  let topic: string;
  try {
    topic = decodeURIComponent(pathname.slice(TOPICS_PREFIX.length));
  } catch {
    throw invalid('The topic is not correctly URL-encoded');
  }
  const problem = topicNameProblem(topic);
  if (problem) throw invalid(problem);
  return topic;
}

/** A refusal as it is; anything else is a fault of ours, logged and answered as one. */
function toServiceError(error: unknown, logger: Pick<Console, 'error'>): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  logger.error('[iot] Publish failed:', error);
  return new AwsServiceError('InternalFailureException', 'An unexpected error has occurred', 500);
}

/**
 * The IoT data plane's Publish action (`POST /topics/{topic}?qos=&retain=`, the raw payload as the
 * body), answering `{}` once the broker has taken the message. Errors are REST-JSON:
 * `InvalidRequestException` for a bad topic, qos or retain, `RequestEntityTooLargeException` for a
 * payload above IoT Core's 128 KB, `MethodNotAllowedException` for another verb,
 * `InternalFailureException` (logged) when the broker fails.
 */
export function publishRoute(publish: PublishToBroker, logger: Pick<Console, 'error'>): EdgeRoute {
  return {
    matches: (_request, url) => url.pathname.startsWith(TOPICS_PREFIX) || url.pathname === '/topics',
    async handle(request, response, url) {
      try {
        if (request.method !== 'POST') {
          throw new AwsServiceError(
            'MethodNotAllowedException',
            `${request.method} is not supported on ${url.pathname}`,
            405,
          );
        }
        const topic = parseTopic(url.pathname);
        const qos = parseQos(url.searchParams.get('qos'));
        const retain = parseRetain(url.searchParams.get('retain'));
        const payload = await readBody(request);
        if (!payload || payload.length > MAX_PAYLOAD_BYTES) {
          throw new AwsServiceError(
            'RequestEntityTooLargeException',
            `The payload exceeds the maximum size of ${MAX_PAYLOAD_BYTES} bytes`,
            413,
          );
        }
        await publish(topic, payload, qos, { retain });
        sendJson(response, 200, {}, { 'x-amzn-requestid': crypto.randomUUID() });
      } catch (error) {
        // The body may be unread when the request was refused early; drain it so the connection
        // stays usable for the client's next request.
        request.resume();
        sendRestJsonError(response, toServiceError(error, logger));
      }
    },
  };
}
