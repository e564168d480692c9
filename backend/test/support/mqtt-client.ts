import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { mqttClientId } from '../../src/contracts/mqtt-client-id.js';

/**
 * The client id an app would connect with: its user's (the ID token's `sub`), or an anonymous one
 * without a token or with one that is not a JWT at all.
 */
export function clientIdFor(token: string | undefined): string {
  let sub: string | undefined;
  try {
    const claims = token ? decodeJwt(token) : undefined;
    sub = typeof claims?.sub === 'string' ? claims.sub : undefined;
  } catch {
    sub = undefined;
  }
  return mqttClientId(sub, randomUUID());
}

/**
 * Connects to the broker at `mqttUrl` (`ws://…/mqtt`) as the apps do: the ID token as the `token`
 * parameter, the client id of its user. Never reconnects on its own.
 */
export function connectMqtt(
  mqttUrl: string,
  token: string | undefined,
  options: IClientOptions = {},
): Promise<MqttClient> {
  const url = token ? `${mqttUrl}?token=${encodeURIComponent(token)}` : mqttUrl;
  return mqtt.connectAsync(url, { reconnectPeriod: 0, clientId: clientIdFor(token), ...options });
}
