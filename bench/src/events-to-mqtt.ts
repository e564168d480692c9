import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { LambdaRegistry, LocalCloud } from '@coffee/localcloud';
import mqtt, { type MqttClient } from 'mqtt';
import { type LatencySummary, summarize } from './stats.js';

/** PutEvents → rule → Lambda publisher → IoT → MQTT subscriber, measured end to end. */
export interface EventsToMqttResult {
  events: number;
  latency: LatencySummary;
  fanout: { subscribers: number; rounds: number; latency: LatencySummary; deliveriesPerSecond: number };
}

const TOPIC = 'shops/bench/queue';
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };

/**
 * Starts a local cloud with a bus, a rule and a publisher function that forwards each event to
 * an MQTT topic through the IoT data plane, as an application's publisher would; then measures
 * one subscriber's latency per event, and one event's fan-out to many subscribers.
 */
export async function measureEventsToMqtt(
  events: number,
  subscribers: number,
  rounds: number,
): Promise<EventsToMqttResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-events-'));
  const lambda = new LambdaRegistry();
  const cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    lambda,
    outboxLog: () => undefined,
    web: { port: 0, landingPage: () => '', runtimeConfig: () => ({}) },
  });
  const config = { endpoint: cloud.endpoint, region: 'us-east-1', credentials };
  const iotData = new IoTDataPlaneClient(config);
  lambda.register('publisher', async (event) => {
    const { detail } = event as { detail: unknown };
    await iotData.send(
      new PublishCommand({ topic: TOPIC, qos: 1, payload: Buffer.from(JSON.stringify(detail)) }),
    );
  });
  const eventBridge = new EventBridgeClient(config);
  await eventBridge.send(new CreateEventBusCommand({ Name: 'bench' }));
  await eventBridge.send(
    new PutRuleCommand({
      Name: 'to-mqtt',
      EventBusName: 'bench',
      EventPattern: JSON.stringify({ source: ['bench'] }),
    }),
  );
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: 'to-mqtt',
      EventBusName: 'bench',
      Targets: [{ Id: 'publisher', Arn: lambda.arnOf('publisher') }],
    }),
  );
  const put = (payload: object) =>
    eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'bench',
            Source: 'bench',
            DetailType: 'Bench.Event',
            Detail: JSON.stringify(payload),
          },
        ],
      }),
    );
  const webAddress = cloud.web?.server.address() as { port: number };
  const mqttUrl = `ws://127.0.0.1:${webAddress.port}/mqtt`;

  try {
    // One subscriber, one event at a time.
    const single = await subscribe(mqttUrl, 1);
    const latencies: number[] = [];
    for (let i = 0; i < events + 50; i++) {
      const arrived = single.next();
      const sent = performance.now();
      await put({ i });
      await arrived;
      if (i >= 50) latencies.push(performance.now() - sent);
    }
    await single.close();

    // One event to many subscribers.
    const many = await subscribe(mqttUrl, subscribers);
    const roundTimes: number[] = [];
    for (let round = 0; round < rounds + 3; round++) {
      const all = many.next();
      const sent = performance.now();
      await put({ round });
      await all;
      if (round >= 3) roundTimes.push(performance.now() - sent);
    }
    await many.close();
    const total = roundTimes.reduce((sum, ms) => sum + ms, 0);
    return {
      events,
      latency: summarize(latencies),
      fanout: {
        subscribers,
        rounds,
        latency: summarize(roundTimes),
        deliveriesPerSecond: (subscribers * rounds) / (total / 1000),
      },
    };
  } finally {
    iotData.destroy();
    eventBridge.destroy();
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `count` subscribers of the topic; `next()` resolves when every one has the next message. */
async function subscribe(url: string, count: number) {
  const clients: MqttClient[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, () => mqtt.connectAsync(url, { reconnectPeriod: 0 })),
    );
    clients.push(...batch);
  }
  await Promise.all(clients.map((client) => client.subscribeAsync(TOPIC, { qos: 0 })));
  let waiting: { remaining: number; resolve: () => void } | undefined;
  for (const client of clients) {
    client.on('message', () => {
      if (waiting && --waiting.remaining === 0) waiting.resolve();
    });
  }
  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting = { remaining: count, resolve };
      }),
    close: () => Promise.all(clients.map((client) => client.endAsync())).then(() => undefined),
  };
}
