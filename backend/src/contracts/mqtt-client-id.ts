import { SIGNED_IN_USER } from './topics.js';

/**
 * MQTT client ids (DESIGN "MQTT topics"). Of two connections with one client id, the broker ends
 * the older, so whoever knows a client's id could end its connection by connecting with it. A
 * signed-in client's id therefore starts with its user's id, and only that user may connect with
 * it (the local broker and IoT Core's policy both check); anonymous clients share their own
 * prefix. The `.` cannot occur in an id (see `IdSchema`): one user's prefix never begins another's.
 */
const SEPARATOR = '.';
const ANONYMOUS = 'anonymous';

/**
 * The client id of a connection: `<userId>.<nonce>` for a signed-in user, `anonymous.<nonce>`
 * for an anonymous client. `nonce` tells one connection of a user from another (a tab, a device).
 */
export function mqttClientId(userId: string | undefined, nonce: string): string {
  return `${userId ?? ANONYMOUS}${SEPARATOR}${nonce}`;
}

/** The client ids an IoT policy lets each kind of client connect with (`iot:Connect`), `*` matching any run of characters. */
export const MQTT_CLIENT_IDS = {
  anonymous: `${ANONYMOUS}${SEPARATOR}*`,
  signedIn: `${SIGNED_IN_USER}${SEPARATOR}*`,
} as const;
