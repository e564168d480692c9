import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { InvalidTopicError, MAX_PAYLOAD_BYTES, MAX_TOPIC_BYTES, topicMatches } from '../../src/iot/index.js';
import { closed, settle, startBroker, type TestBroker, waitFor } from './harness.js';

let t: TestBroker<unknown>;
beforeEach(async () => {
  t = await startBroker();
});
afterEach(async () => {
  await t.stop();
});

describe('IotBroker without an authorizer', () => {
  it.each([0, 1] as const)(
    'delivers a server publish at QoS %i with its JSON payload intact',
    async (qos) => {
      const { client: subscriber, messages } = await t.connect('display-1');
      await subscriber.subscribeAsync('shops/main/queue', { qos });
      const event = {
        type: 'Order.Made',
        detail: { orderId: 'o-1', note: 'é ☕ "quoted"' },
        time: '2025-01-01T00:00:00Z',
      };

      await t.broker.publish('shops/main/queue', JSON.stringify(event), qos);

      const [message] = await waitFor(messages, 1);
      expect(message?.topic).toBe('shops/main/queue');
      expect(JSON.parse(message?.text ?? '')).toEqual(event);
    },
  );

  it('accepts Amplify-style 36-character client ids', async () => {
    const { client } = await t.connect(randomUUID());
    expect(client.connected).toBe(true);
  });

  it('lets clients publish to each other', async () => {
    const { client: subscriber, messages } = await t.connect('sub');
    const { client: publisher } = await t.connect('pub');
    await subscriber.subscribeAsync('chat/#');

    await publisher.publishAsync('chat/room-1', 'hello', { qos: 1 });

    expect(await waitFor(messages, 1)).toEqual([{ topic: 'chat/room-1', text: 'hello' }]);
  });

  it.each([
    { filter: 'shops/+/queue', topic: 'shops/main/queue', matches: true },
    { filter: 'shops/+/queue', topic: 'shops/main/config', matches: false },
    { filter: 'shops/+/queue', topic: 'shops/main/queue/extra', matches: false },
    { filter: 'users/#', topic: 'users/u-1/orders', matches: true },
    { filter: 'users/#', topic: 'users', matches: true },
    { filter: 'users/#', topic: 'shops/main/config', matches: false },
    { filter: '+/+/config', topic: 'shops/main/config', matches: true },
    { filter: '#', topic: 'anything/at/all', matches: true },
  ])('a subscription to $filter receives $topic: $matches', async ({ filter, topic, matches }) => {
    const { client: subscriber, messages } = await t.connect('wild');
    await subscriber.subscribeAsync([filter, 'marker'], { qos: 1 });

    await t.broker.publish(topic, 'x', 1);
    await t.broker.publish('marker', 'end', 1);
    while (!messages.some((message) => message.topic === 'marker')) await settle(5);
    await settle(20);

    expect(messages.some((message) => message.topic === topic)).toBe(matches);
    // The MQTT rule the broker's own forwarding check uses agrees with aedes' routing.
    expect(topicMatches(filter, topic)).toBe(matches);
  });

  it('rejects a server publish to a topic name that is not valid', async () => {
    for (const topic of ['', 'shops/+/queue', 'users/#', '$aws/things/x', 'a/b/c/d/e/f/g/h/i']) {
      await expect(t.broker.publish(topic, 'x', 0)).rejects.toBeInstanceOf(InvalidTopicError);
    }
  });

  it('refuses MQTT 5 clients with "unacceptable protocol version", as aedes speaks 3.1.1 only', async () => {
    await expect(t.connect('v5', { protocolVersion: 5 })).rejects.toMatchObject({ code: 1 });
  });
});

describe('packet size', () => {
  it('delivers a payload of 128 KB and closes a client publishing more, delivering none of it', async () => {
    const { client: subscriber, messages } = await t.connect('display-1');
    await subscriber.subscribeAsync('big/#', { qos: 1 });
    const { client: publisher } = await t.connect('sender');

    await publisher.publishAsync('big/largest', Buffer.alloc(MAX_PAYLOAD_BYTES, 'a'), { qos: 1 });
    const gone = closed(publisher);
    publisher.publish('big/larger', Buffer.alloc(MAX_PAYLOAD_BYTES + MAX_TOPIC_BYTES + 10, 'b'), { qos: 0 });
    await gone;
    await settle();

    expect(messages.map((message) => [message.topic, message.text.length])).toEqual([
      ['big/largest', MAX_PAYLOAD_BYTES],
    ]);
  });

  it('closes a connection at the header of a packet announcing 100 MB, before its body', async () => {
    const socket = new WebSocket(t.url());
    await new Promise((resolve) => socket.once('open', resolve));
    const closing = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const clientId = Buffer.from('raw-client');
    const connect = [0x10, 12 + clientId.length, 0, 4, ...Buffer.from('MQTT'), 4, 0x02, 0, 60];
    socket.send(Buffer.from([...connect, 0, clientId.length, ...clientId]));
    // PUBLISH, remaining length 100,000,000 (four bytes, base 128): only the header is sent.
    socket.send(Buffer.from([0x30, 0x80, 0xc2, 0xd7, 0x2f]));

    expect(await closing).toBe(1006);
  });
});

describe('persistent sessions', () => {
  it('delivers the QoS 1 messages missed while away, in order, and not the QoS 0 ones', async () => {
    const { client: first } = await t.connect('barista-tablet', { clean: false });
    await first.subscribeAsync('shops/main/queue', { qos: 1 });
    await first.endAsync();

    await t.broker.publish('shops/main/queue', '{"n":1}', 1);
    await t.broker.publish('shops/main/queue', '{"n":2}', 0);
    await t.broker.publish('shops/main/queue', '{"n":3}', 1);
    const again = await t.connect('barista-tablet', { clean: false });

    expect(again.sessionPresent).toBe(true);
    await waitFor(again.messages, 2);
    await settle();
    expect(again.messages.map((message) => JSON.parse(message.text))).toEqual([{ n: 1 }, { n: 3 }]);

    // The session keeps its subscription: live messages keep arriving.
    await t.broker.publish('shops/main/queue', '{"n":4}', 1);
    await waitFor(again.messages, 3);
  });

  it('forgets the session when the client reconnects with a clean session', async () => {
    const { client: first } = await t.connect('kiosk', { clean: false });
    await first.subscribeAsync('shops/main/queue', { qos: 1 });
    await first.endAsync();
    await t.broker.publish('shops/main/queue', 'missed', 1);

    const again = await t.connect('kiosk', { clean: true });
    await settle();

    expect(again.sessionPresent).toBe(false);
    expect(again.messages).toEqual([]);
  });
});

describe('attach', () => {
  it('serves only its path and leaves other upgrades to their own listeners', async () => {
    const other = new WebSocketServer({ noServer: true });
    t.server.on('upgrade', (request, socket, head) => {
      if (request.url === '/other') other.handleUpgrade(request, socket, head, (ws) => ws.send('other'));
    });
    const port = (t.server.address() as { port: number }).port;

    const socket = new WebSocket(`ws://127.0.0.1:${port}/other`);
    const greeting = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
    });
    socket.close();
    other.close();

    expect(greeting).toBe('other');
    expect((await t.connect('still-here')).client.connected).toBe(true);
  });
});
