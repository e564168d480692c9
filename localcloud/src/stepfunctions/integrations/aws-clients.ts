/** Where the integrations find the AWS services they call. */
export interface ServiceEndpoints {
  /** The region the services are in. */
  region: string;
  /** The local DynamoDB's endpoint, e.g. `http://127.0.0.1:4566`. */
  dynamodb?: string;
  /** The local EventBridge's endpoint. */
  events?: string;
}

/**
 * The endpoint of a local service the engine calls.
 *
 * @throws Error when none is set: the integrations call the local cloud's services only.
 */
export function localEndpoint(service: string, endpoint: string | undefined): string {
  if (endpoint === undefined)
    throw new Error(`No ${service} endpoint is set: the engine's integrations call a local cloud's services`);
  return endpoint;
}

/** The cause text Step Functions gives for a service exception. */
export function serviceCause(
  service: string,
  error: { name: string; message: string; $metadata?: { httpStatusCode?: number; requestId?: string } },
): string {
  const status = error.$metadata?.httpStatusCode ?? 400;
  const requestId = error.$metadata?.requestId ?? 'null';
  return `${error.message} (Service: ${service}; Status Code: ${status}; Error Code: ${error.name}; Request ID: ${requestId}; Proxy: null)`;
}
