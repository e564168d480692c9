import { InvalidRequestError } from '../errors.js';

/** Reads a request header by name (case-insensitive), as the router's `header` does. */
export type HeaderReader = (name: string) => string | undefined;

/**
 * The origin a request was sent to, e.g. `http://192.168.1.20:3000`: what a phone on the same
 * network can reach, so the QR code's URL carries it (DESIGN "Two runtimes"). A proxy's
 * `X-Forwarded-Proto` / `X-Forwarded-Host` / `X-Forwarded-Port` (API Gateway, CloudFront, a dev
 * server) win over `Host`; of a list, the first — the client's — counts. A host that is not a plain
 * host name or address (with an optional port) is refused, so no header can smuggle a path or
 * credentials into the URL.
 */
export function requestOrigin(header: HeaderReader): string {
  const first = (name: string) => header(name)?.split(',')[0]?.trim().toLowerCase() || undefined;
  const proto = first('x-forwarded-proto') ?? 'http';
  let host = first('x-forwarded-host') ?? first('host');
  if (proto !== 'http' && proto !== 'https')
    throw new InvalidRequestError(`The forwarded protocol "${proto}" is not http or https.`);
  if (!host || !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(host))
    throw new InvalidRequestError('The request names no valid host.');
  const port = first('x-forwarded-port');
  if (header('x-forwarded-host') !== undefined && port && /^\d{1,5}$/.test(port) && !/:\d+$/.test(host)) {
    const standard = proto === 'https' ? '443' : '80';
    if (port !== standard) host = `${host}:${port}`;
  }
  return new URL(`${proto}://${host}`).origin;
}
