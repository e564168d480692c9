/** Where the integrations find the AWS services they call. */
export interface ServiceEndpoints {
  /** Region the clients sign for. */
  region: string;
  /** DynamoDB endpoint, e.g. `http://127.0.0.1:4566`; unset means the SDK's default. */
  dynamodb?: string;
  /** EventBridge endpoint; unset means the SDK's default. */
  events?: string;
}

/**
 * Client configuration for a service: the endpoint when one is set, and stand-in credentials when
 * the environment has none, as the local services accept any.
 */
export function clientConfig(endpoints: ServiceEndpoints, endpoint: string | undefined) {
  const hasCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE);
  return {
    region: endpoints.region,
    ...(endpoint !== undefined && { endpoint }),
    ...(!hasCredentials && { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    maxAttempts: 1,
  };
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

/** Removes the SDK's `$metadata` from a response, leaving the API's own fields. */
export function withoutMetadata<T extends object>(response: T): Omit<T, '$metadata'> {
  const { $metadata: _metadata, ...rest } = response as T & { $metadata?: unknown };
  return rest;
}
