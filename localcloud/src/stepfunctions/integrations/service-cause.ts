/** The cause text Step Functions gives for a service exception. */
export function serviceCause(
  service: string,
  error: { name: string; message: string; $metadata?: { httpStatusCode?: number; requestId?: string } },
): string {
  const status = error.$metadata?.httpStatusCode ?? 400;
  const requestId = error.$metadata?.requestId ?? 'null';
  return `${error.message} (Service: ${service}; Status Code: ${status}; Error Code: ${error.name}; Request ID: ${requestId}; Proxy: null)`;
}
