import { Agent, request } from 'node:http';

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

/**
 * Calls AWS JSON protocol actions on a local cloud's edge. Requests are not signed: the local
 * services, which alone this is for, check no signatures. The engine's integrations call the local
 * services this way rather than through an SDK client, whose per-call cost is several times the
 * service's own.
 */
export class AwsJsonClient {
  /** Keep-alive connections to the endpoint. */
  private readonly agent = new Agent({ keepAlive: true });

  /**
   * @param region The region the calls are for, carried in the credential scope of the
   *   `Authorization` header, which has a signature's shape (services check it is there).
   * @param service The service's signing name, e.g. `dynamodb`, `events`.
   */
  constructor(
    private readonly endpoint: string,
    private readonly region: string,
    private readonly service: string,
  ) {}

  /**
   * Calls `target` (the `X-Amz-Target`, e.g. `DynamoDB_20120810.GetItem`) with `body` as its JSON
   * input, and answers the parsed output.
   *
   * @throws AwsJsonCallError for an error answer of the service.
   */
  call(
    target: string,
    contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1',
    body: unknown,
  ): Promise<Record<string, unknown>> {
    const text = JSON.stringify(body ?? {});
    return new Promise((resolve, reject) => {
      const call = request(
        this.endpoint,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'x-amz-target': target,
            'content-type': contentType,
            'content-length': Buffer.byteLength(text),
            ...this.unsignedAuthorization(),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              resolve(answerOf(response.statusCode ?? 500, response.headers['x-amzn-requestid'], chunks));
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      call.on('error', reject);
      call.end(text);
    });
  }

  /** An `Authorization` header (and its date) of a signature's shape, whose signature is not one. */
  private unsignedAuthorization(): Record<string, string> {
    const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    const scope = `${date.slice(0, 8)}/${this.region}/${this.service}/aws4_request`;
    return {
      'x-amz-date': date,
      authorization: `AWS4-HMAC-SHA256 Credential=localcloud/${scope}, SignedHeaders=host;x-amz-date, Signature=unsigned`,
    };
  }

  /** Closes the connections, so that a stopping process is not kept up by them. */
  close(): void {
    this.agent.destroy();
  }
}

/** The output of a success, or the service's error as an {@link AwsJsonCallError}. */
function answerOf(
  status: number,
  requestId: string | string[] | undefined,
  chunks: Buffer[],
): Record<string, unknown> {
  const metadata = { httpStatusCode: status, ...(typeof requestId === 'string' && { requestId }) };
  const text = Buffer.concat(chunks).toString('utf8');
  let answer: Record<string, unknown>;
  try {
    answer = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
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
