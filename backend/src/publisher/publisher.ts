import { PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { aws } from '../aws/clients.js';
import { BusEventSchema, toPublicMessage } from '../contracts/events.js';
import { topicsFor } from '../contracts/topics.js';

/**
 * The `publisher` function (rule `publisher`, every event of the shop): publishes each event to
 * its MQTT topics (DESIGN "MQTT topics") — an order event to its shop's queue and its customer's
 * topic, `ConfigChanged` to its shop's config topic — as `{ type, detail, time }` with any task
 * token removed. QoS 1, so a subscriber with a persistent session gets it after a reconnect. A
 * malformed event or a failed publish throws: EventBridge retries it, then keeps it as
 * undeliverable, and the apps catch up by re-reading when they reconnect. Answers the topics.
 */
export async function handler(event: unknown): Promise<string[]> {
  const message = toPublicMessage(BusEventSchema.parse(event));
  const payload = new TextEncoder().encode(JSON.stringify(message));
  const topics = topicsFor(message);
  await Promise.all(
    topics.map((topic) => aws.iotData().send(new PublishCommand({ topic, qos: 1, payload }))),
  );
  return topics;
}
