import type { IotPolicyDeclaration } from '@coffee/localcloud';
import { decodeJwt } from 'jose';
import { type TokenVerifier, userPoolVerifier } from '../api/auth.js';
import { UserIdSchema } from '../contracts/ids.js';
import type { Principal } from '../contracts/roles.js';
import { UnauthenticatedError } from '../errors.js';
import { resources } from '../resources.js';
import { type IotPolicyDocument, type IotResourceScope, iotPolicyDocument } from './policy-document.js';

/**
 * What IoT Core sends a custom authorizer for a connection (the fields this one reads). With
 * signing disabled, the token may arrive as `token` (IoT extracts it by the authorizer's token
 * key name) or only inside the WebSocket request's query string.
 */
export interface IotAuthorizerEvent {
  token?: string;
  signatureVerified?: boolean;
  protocols?: string[];
  protocolData?: {
    tls?: { serverName?: string };
    /** The WebSocket upgrade request: `queryString` is `?name=value&...`. */
    http?: { headers?: Record<string, string>; queryString?: string };
    mqtt?: { username?: string; password?: string; clientId?: string };
  };
  connectionMetadata?: { id?: string };
}

/** The part of the Lambda context the authorizer reads: its own ARN, for the account and partition. */
export interface IotAuthorizerContext {
  invokedFunctionArn: string;
}

/** A custom authorizer's answer: who the client is and the IoT policy of its connection. */
export interface IotAuthorizerResponse {
  isAuthenticated: boolean;
  /** 1 to 128 letters and digits, as IoT Core requires. */
  principalId: string;
  disconnectAfterInSeconds: number;
  refreshAfterInSeconds: number;
  policyDocuments: IotPolicyDocument[];
}

/** What {@link createIotAuthorizer} is built from. */
export interface IotAuthorizerOptions {
  /** The declared policies: who may subscribe to what (`resources.iot.policies`). */
  policies: readonly IotPolicyDeclaration[];
  /** The query parameter carrying the ID token (`resources.iot.authorizer.tokenKey`). */
  tokenKey: string;
  /** The verifier of ID tokens, made on first use. */
  verifier: () => TokenVerifier;
  /** The region of the IoT endpoint; `AWS_REGION` by default. */
  region?: () => string;
  /** The current time in milliseconds; `Date.now` by default. */
  now?: () => number;
  /** Where refusals are logged (never with the token); `console.warn` by default. */
  log?: (message: string) => void;
}

/** IoT Core's bounds of `disconnectAfterInSeconds` and `refreshAfterInSeconds`: 5 minutes to 24 hours. */
const MIN_SECONDS = 300;
const MAX_SECONDS = 86_400;
/**
 * How often IoT Core asks again for the policy of a live connection: hourly, so a redeployed
 * declaration reaches long-lived anonymous connections (the display's). A signed-in connection
 * ends when its token expires anyway (`disconnectAfterInSeconds`); the app reconnects with a
 * fresh one.
 */
const REFRESH_AFTER_SECONDS = 3_600;
/** The principal id of anonymous connections. */
const ANONYMOUS_PRINCIPAL = 'anonymous';

/**
 * An IoT Core custom authorizer for the apps' MQTT-over-WebSocket connections (DESIGN "MQTT
 * topics"): a connection carrying a `token` parameter is the user its ID token says — verified
 * as the HTTP API verifies it — and gets the declared policies of a signed-in user and of their
 * groups, `${sub}` being their id; a connection without a token is anonymous and gets the
 * anonymous policies (the config topics). A token that does not verify (forged, expired, an
 * access token) is refused, as the local broker refuses it. A fault (the pool's keys unreadable)
 * is thrown: IoT Core refuses the connection and the error is in the function's log. The policies
 * are the declaration's, the same ones the local broker enforces, so who may subscribe to what is
 * written once.
 */
export function createIotAuthorizer(
  options: IotAuthorizerOptions,
): (event: IotAuthorizerEvent, context: IotAuthorizerContext) => Promise<IotAuthorizerResponse> {
  const now = options.now ?? Date.now;
  const region = options.region ?? (() => requiredRegion());
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (event, context) => {
    const scope = { ...scopeOf(context.invokedFunctionArn), region: region() };
    const token = tokenOf(event, options.tokenKey);
    if (token === undefined) {
      return answer(ANONYMOUS_PRINCIPAL, undefined, scope, options.policies, MAX_SECONDS);
    }
    let principal: Principal;
    try {
      principal = await options.verifier()(token);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      log(`[iot-authorizer] connection ${event.connectionMetadata?.id ?? ''} refused: ${error.message}`);
      return refused();
    }
    if (!UserIdSchema.safeParse(principal.sub).success) {
      // The id goes into topic resources: anything but a plain identifier could widen them.
      log(`[iot-authorizer] connection ${event.connectionMetadata?.id ?? ''} refused: unusable sub`);
      return refused();
    }
    const expiresAt = decodeJwt(token).exp ?? 0;
    const secondsLeft = expiresAt - Math.floor(now() / 1000);
    return answer(principalIdOf(principal.sub), principal, scope, options.policies, secondsLeft);
  };
}

/** The answer refusing a connection. */
function refused(): IotAuthorizerResponse {
  return {
    isAuthenticated: false,
    principalId: 'refused',
    disconnectAfterInSeconds: MIN_SECONDS,
    refreshAfterInSeconds: MIN_SECONDS,
    policyDocuments: [],
  };
}

function answer(
  principalId: string,
  principal: Principal | undefined,
  scope: IotResourceScope,
  policies: readonly IotPolicyDeclaration[],
  secondsLeft: number,
): IotAuthorizerResponse {
  return {
    isAuthenticated: true,
    principalId,
    disconnectAfterInSeconds: Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, secondsLeft)),
    refreshAfterInSeconds: REFRESH_AFTER_SECONDS,
    policyDocuments: [iotPolicyDocument(policies, principal, scope)],
  };
}

/**
 * The client's ID token: IoT's `token` (extracted by the authorizer's token key name), else the
 * `tokenKey` parameter of the WebSocket request's query string; `undefined` (anonymous) when
 * neither is there or it is empty, as the local broker reads it.
 */
export function tokenOf(event: IotAuthorizerEvent, tokenKey: string): string | undefined {
  if (event.token) return event.token;
  const query = event.protocolData?.http?.queryString;
  const token = query ? new URLSearchParams(query).get(tokenKey) : null;
  return token || undefined;
}

/** A principal id IoT Core accepts (`[a-zA-Z0-9]{1,128}`): the user's id without its dashes. */
export function principalIdOf(sub: string): string {
  return sub.replace(/[^a-zA-Z0-9]/g, '').slice(0, 128) || 'user';
}

/** The partition and account of the authorizer's own ARN (`arn:<partition>:lambda:<region>:<account>:function:<name>`). */
function scopeOf(functionArn: string): Omit<IotResourceScope, 'region'> {
  const [arn, partition, service, , accountId] = functionArn.split(':');
  if (arn !== 'arn' || service !== 'lambda' || !partition || !accountId)
    throw new Error(`Not a Lambda function ARN: ${functionArn}`);
  return { partition, accountId };
}

function requiredRegion(): string {
  const region = process.env.AWS_REGION;
  if (!region) throw new Error('The environment variable AWS_REGION is not set; Lambda sets it');
  return region;
}

/** The Lambda handler of the `iotAuthorizer` function (see `resources.ts`). */
export const handler = createIotAuthorizer({
  policies: resources.iot.policies,
  tokenKey: resources.iot.authorizer.tokenKey,
  verifier: userPoolVerifier,
});
