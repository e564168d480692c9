/**
 * The runtime configuration every app reads from `/config.json` at start, so that one build runs
 * on the local cloud and on AWS: where the API, MQTT and the user pool are.
 */
export interface RuntimeConfig {
  region: string;
  /** The HTTP API's base, e.g. `http://127.0.0.1:3000/api`; route paths (`/api/...`) resolve against it. */
  apiUrl: string;
  /**
   * MQTT over WebSocket, authenticated by a `token` query parameter: `ws://…/mqtt` locally, IoT
   * Core's endpoint naming its custom authorizer on AWS.
   */
  mqttUrl: string;
  auth: {
    userPoolId: string;
    userPoolClientId: string;
    /** The local user-pool API (`…/cognito`); absent on AWS. */
    userPoolEndpoint?: string;
  };
}

/** Where an app finds its runtime configuration: the web root, whatever path the app is mounted at. */
export const RUNTIME_CONFIG_PATH = '/config.json';

/** The runtime configuration could not be read or is malformed: the app cannot start. */
export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const optionalText = (value: unknown) => value === undefined || isText(value);

/**
 * Checks a parsed `/config.json`: the required strings present, the optional ones strings when
 * given. Answers the problems found, none when it is usable.
 */
export function runtimeConfigProblems(value: unknown): string[] {
  const config = (value ?? {}) as Record<string, unknown>;
  const auth = (config.auth ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['region', 'apiUrl', 'mqttUrl'] as const)
    if (!isText(config[key])) problems.push(`${key} is missing`);
  for (const key of ['userPoolId', 'userPoolClientId'] as const)
    if (!isText(auth[key])) problems.push(`auth.${key} is missing`);
  if (!optionalText(auth.userPoolEndpoint)) problems.push('auth.userPoolEndpoint is not a string');
  return problems;
}

/**
 * Fetches and checks `/config.json`. Throws a {@link RuntimeConfigError} (keeping the cause) when
 * it cannot be fetched or is not a usable {@link RuntimeConfig}.
 */
export async function loadRuntimeConfig(
  fetcher: typeof fetch = fetch,
  url: string = RUNTIME_CONFIG_PATH,
): Promise<RuntimeConfig> {
  let body: unknown;
  try {
    const response = await fetcher(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    body = await response.json();
  } catch (cause) {
    throw new RuntimeConfigError(`Could not load ${url}`, { cause });
  }
  const problems = runtimeConfigProblems(body);
  if (problems.length > 0) throw new RuntimeConfigError(`${url} is not usable: ${problems.join('; ')}`);
  return body as RuntimeConfig;
}
