/** What a client presents when it connects, for the application to decide who it is. */
export interface MqttConnectRequest {
  /** The MQTT client identifier from CONNECT. */
  clientId: string;
  /**
   * The `token` query parameter of the WebSocket URL (`/mqtt?token=...`): browsers cannot set
   * headers on a WebSocket, so credentials ride in the URL as they do in IoT Core's signed URLs.
   */
  token?: string;
  /** The CONNECT user name, when the client sent one. */
  username?: string;
  /** The CONNECT password as UTF-8 text, when the client sent one. */
  password?: string;
}

/**
 * The application's say over who connects and which topics each client may use: the local stand-in
 * for IoT Core's authorizers and policies. The broker knows nothing of the application's
 * identities; it keeps whatever `authenticate` returns as the client's principal and hands it back
 * on every subscribe and publish.
 *
 * Without an authorizer the broker allows everything.
 */
export interface MqttAuthorizer<Principal = unknown> {
  /**
   * Identifies a connecting client. Resolves with its principal, or `undefined` to accept it as
   * anonymous; resolving `false` or rejecting refuses the connection (CONNACK "not authorized").
   */
  authenticate(request: MqttConnectRequest): Promise<Principal | undefined | false>;
  /**
   * Whether the client may subscribe to `topicFilter` (which may hold `+` and `#`). A refusal
   * answers that filter with the SUBACK failure code (0x80) and keeps the session up. Asked again
   * for each stored subscription when a persistent session resumes. A rejection counts as a
   * refusal.
   */
  authorizeSubscribe(principal: Principal | undefined, topicFilter: string): boolean | Promise<boolean>;
  /**
   * When the connection of a client authenticated as `principal` must end, as IoT Core's custom
   * authorizers say with `disconnectAfterInSeconds`: its credentials expire then, and the broker
   * closes it (the client reconnects with fresh ones). Absent, or `undefined`: it lasts.
   */
  connectionEndsAt?(principal: Principal): Date | undefined;
  /**
   * Whether the client may publish to `topic`. Absent, clients may not publish at all: the server
   * side publishes through the broker or the data plane, which this does not govern. A refusal
   * disconnects the client, as IoT Core does (MQTT 3.1.1 has no negative PUBACK).
   */
  authorizePublish?(principal: Principal | undefined, topic: string): boolean | Promise<boolean>;
}
