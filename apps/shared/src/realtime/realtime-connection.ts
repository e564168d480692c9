/**
 * The realtime link's health, as the apps show it: `connecting` before the first connection,
 * `online` while connected, `offline` while the connection is lost (it keeps trying).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/**
 * A connection to the MQTT topics of DESIGN. The Amplify implementation is
 * `createAmplifyRealtime`; tests use a fake (see `createFakeRealtime` in the tests' support).
 */
export interface RealtimeConnection {
  /** Subscribes to one exact topic; `onMessage` gets each payload, JSON-parsed. Answers how to stop. */
  subscribe(topic: string, onMessage: (payload: unknown) => void): () => void;
  /** Calls `listener` with the current status now and on every change. Answers how to stop. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Ends every subscription and the connection. */
  close(): void;
}
