/** A service's error answer: its name (the `__type` without its namespace), message and status. */
export class AwsJsonCallError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    /** The fields {@link serviceCause} reads, as an SDK error carries them. */
    readonly $metadata: { httpStatusCode: number; requestId?: string },
  ) {
    super(message);
  }
}

/** A service's answer to an AWS JSON protocol call, as it would go on the wire. */
export interface ServiceAnswer {
  status: number;
  headers: Record<string, string | number>;
  /** The JSON text of the output or of the error. */
  body: string;
}

/**
 * Answers an AWS JSON protocol call to a service of the local cloud — its `X-Amz-Target` (e.g.
 * `DynamoDB_20120810.GetItem`), its JSON body text and the caller's region — as the edge answers
 * the same call over HTTP.
 */
export type LocalServiceCall = (target: string, body: string, region: string) => Promise<ServiceAnswer>;

/**
 * Calls AWS JSON protocol actions of the local cloud's services in the process, through
 * {@link LocalServiceCall}: the request and the answer are the wire's JSON text, so a service sees
 * what an SDK would have sent, and errors come back as they would over HTTP. The engine's
 * integrations call the local services this way rather than through a socket to the edge (which
 * would cost its own thread an HTTP client's and server's work for every Task state) or an SDK
 * client (several times the service's own cost).
 */
export class AwsJsonClient {
  /**
   * @param services The local services' answers, or undefined for an engine running without them:
   *   every call then fails.
   * @param region The region the calls are made from.
   */
  constructor(
    private readonly services: LocalServiceCall | undefined,
    private readonly region: string,
  ) {}

  /**
   * Calls `target` (the `X-Amz-Target`, e.g. `DynamoDB_20120810.GetItem`) with `body` as its JSON
   * input, and answers the parsed output.
   *
   * @throws AwsJsonCallError for an error answer of the service.
   * @throws Error when the engine was given no local services.
   */
  async call(target: string, body: unknown): Promise<Record<string, unknown>> {
    if (!this.services)
      throw new Error(
        `No local services are given: the engine's integrations call a local cloud's (${target})`,
      );
    const answer = await this.services(target, JSON.stringify(body ?? {}), this.region);
    return answerOf(answer);
  }
}

/** The output of a success, or the service's error as an {@link AwsJsonCallError}. */
function answerOf({ status, headers, body }: ServiceAnswer): Record<string, unknown> {
  const requestId = headers['x-amzn-requestid'];
  const metadata = { httpStatusCode: status, ...(typeof requestId === 'string' && { requestId }) };
  let answer: Record<string, unknown>;
  try {
    answer = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
  } catch {
    throw new AwsJsonCallError('InternalFailure', 'The service answered no JSON', metadata);
  }
  if (status < 300) return answer;
  const type = String(answer.__type ?? 'InternalFailure');
  throw new AwsJsonCallError(
    type.slice(type.lastIndexOf('#') + 1),
    String(answer.message ?? answer.Message ?? ''),
    metadata,
  );
}
