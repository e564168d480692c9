import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@coffee/localcloud';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** A fresh data folder for a test's local cloud, named after the test. */
export function newDataDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `backend-${name}-`));
}

/** The backend package folder, which the declared functions' `entry` paths are relative to. */
export const BACKEND_DIR = join(import.meta.dirname, '..', '..');

/** How a test's cloud runs the backend's functions. */
export interface CloudOptions {
  /**
   * In the test's own thread rather than on the cloud's function worker: for tests that fake the
   * functions' clock or watch their console.
   */
  functionsInProcess?: boolean;
  /** Run the backend's warm-up before the cloud is up, as `npm start` does. */
  warmUp?: boolean;
}

/** The endpoint, region and dummy credentials of an SDK client of the cloud's edge. */
export function sdkConfig(cloud: LocalCloud) {
  return {
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
}

/** The web port's origin, `http://127.0.0.1:<port>`, of a cloud started with `web`. */
export function webOrigin(cloud: LocalCloud): string {
  const address = cloud.web?.server.address();
  if (!address || typeof address === 'string') throw new Error('The web port is not listening');
  return `http://127.0.0.1:${address.port}`;
}

/** What {@link callWeb} adds to a request: a bearer token, a JSON body (or raw text) and headers. */
export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A body sent as it is, instead of `body` as JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

/** `fetch` of a path of the web port at `origin`, with a bearer token and a JSON body when given. */
export function callWeb(
  origin: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${origin}${path}`, { method, headers, ...(body !== undefined && { body }) });
}
