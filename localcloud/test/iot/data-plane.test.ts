import {
  InvalidRequestException,
  IoTDataPlaneClient,
  PublishCommand,
  type PublishCommandInput,
} from '@aws-sdk/client-iot-data-plane';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EdgeServer } from '../../src/edge/edge-server.js';
import { MAX_PAYLOAD_BYTES } from '../../src/iot/index.js';
import { publishRoute } from '../../src/iot/publish.js';
import { recordingLogger, settle, startBroker, type TestBroker, waitFor } from './harness.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let t: TestBroker<unknown>;
let edge: EdgeServer;
let iot: IoTDataPlaneClient;
beforeEach(async () => {
  t = await startBroker();
  edge = new EdgeServer({ region: 'us-east-1', services: [], routes: t.broker.dataPlaneRoutes() });
  await edge.listen(0);
  iot = new IoTDataPlaneClient({
    endpoint: edge.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});
afterEach(async () => {
  iot.destroy();
  await edge.close();
  await t.stop();
});

describe('IoT data plane Publish', () => {
  it('publishes the raw body to the topic, QoS 1 by query, and answers {}', async () => {
    const { client, messages } = await t.connect('display');
    await client.subscribeAsync('shops/+/queue', { qos: 1 });
    const event = {
      type: 'Order.Ready',
      detail: { orderId: 'o-7', orderNumber: 42 },
      time: new Date().toISOString(),
    };

    const output = await iot.send(
      new PublishCommand({ topic: 'shops/main/queue', qos: 1, payload: Buffer.from(JSON.stringify(event)) }),
    );

    expect(output.$metadata.httpStatusCode).toBe(200);
    const [message] = await waitFor(messages, 1);
    expect(message?.topic).toBe('shops/main/queue');
    expect(JSON.parse(message?.text ?? '')).toEqual(event);
  });

  it('reaches a persistent session that was away when published at QoS 1', async () => {
    const first = await t.connect('tablet', { clean: false });
    await first.client.subscribeAsync('users/u-1/orders', { qos: 1 });
    await first.client.endAsync();

    await iot.send(
      new PublishCommand({ topic: 'users/u-1/orders', qos: 1, payload: Buffer.from('{"n":1}') }),
    );

    const again = await t.connect('tablet', { clean: false });
    expect(await waitFor(again.messages, 1)).toEqual([{ topic: 'users/u-1/orders', text: '{"n":1}' }]);
  });

  it('keeps a retained message for later subscribers when asked', async () => {
    await iot.send(
      new PublishCommand({ topic: 'shops/main/config', retain: true, payload: Buffer.from('{"open":true}') }),
    );

    const { client, messages } = await t.connect('late');
    await client.subscribeAsync('shops/main/config');

    expect(await waitFor(messages, 1)).toEqual([{ topic: 'shops/main/config', text: '{"open":true}' }]);
  });

  it.each<{ case: string; input: PublishCommandInput; message: RegExp }>([
    { case: 'a + wildcard', input: { topic: 'shops/+/queue' }, message: /wildcard/ },
    { case: 'a # wildcard', input: { topic: 'users/#' }, message: /wildcard/ },
    { case: 'a reserved $ topic', input: { topic: '$aws/things/t/shadow/update' }, message: /reserved/ },
    { case: 'more than 7 slashes', input: { topic: 'a/b/c/d/e/f/g/h/i' }, message: /slashes/ },
    { case: 'more than 256 bytes', input: { topic: 'é'.repeat(129) }, message: /256 bytes/ },
    { case: 'QoS 2', input: { topic: 'shops/main/queue', qos: 2 }, message: /qos must be 0 or 1/ },
  ])('refuses $case with InvalidRequestException', async ({ input, message }) => {
    const { client, messages } = await t.connect('watcher');
    await client.subscribeAsync('#');

    const failure = await iot
      .send(new PublishCommand({ payload: Buffer.from('{}'), ...input }))
      .catch((e) => e);

    expect(failure).toBeInstanceOf(InvalidRequestException);
    expect(failure).toMatchObject({ name: 'InvalidRequestException', $metadata: { httpStatusCode: 400 } });
    expect(failure.message).toMatch(message);
    await settle(50);
    expect(messages).toEqual([]);
  });

  it('speaks REST-JSON errors on the wire: x-amzn-ErrorType and a message', async () => {
    const response = await fetch(`${edge.url}/topics/a%2F%2B?qos=1`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
    expect(await response.json()).toEqual({ message: expect.stringMatching(/wildcard/) });
  });

  it.each([
    { case: 'an empty topic', path: '/topics/', status: 400, type: 'InvalidRequestException' },
    { case: 'a malformed encoding', path: '/topics/a%E0%A4%A', status: 400, type: 'InvalidRequestException' },
    { case: 'retain=yes', path: '/topics/a?retain=yes', status: 400, type: 'InvalidRequestException' },
    { case: 'qos=one', path: '/topics/a?qos=one', status: 400, type: 'InvalidRequestException' },
  ])('refuses $case', async ({ path, status, type }) => {
    const response = await fetch(`${edge.url}${path}`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-amzn-errortype')).toBe(type);
  });

  it('refuses another verb with MethodNotAllowedException', async () => {
    const response = await fetch(`${edge.url}/topics/a`, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('x-amzn-errortype')).toBe('MethodNotAllowedException');
  });

  it('refuses a payload above 128 KB with RequestEntityTooLargeException', async () => {
    const failure = await iot
      .send(new PublishCommand({ topic: 'big', payload: Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 'x') }))
      .catch((e) => e);
    expect(failure).toMatchObject({
      name: 'RequestEntityTooLargeException',
      $metadata: { httpStatusCode: 413 },
    });
  });

  it('answers InternalFailureException, and logs, when the broker fails', async () => {
    const logger = recordingLogger();
    const failing = new EdgeServer({
      region: 'us-east-1',
      services: [],
      routes: [publishRoute(() => Promise.reject(new Error('broker down')), logger)],
    });
    await failing.listen(0);
    try {
      const response = await fetch(`${failing.url}/topics/a`, { method: 'POST', body: 'x' });
      expect(response.status).toBe(500);
      expect(response.headers.get('x-amzn-errortype')).toBe('InternalFailureException');
      expect(logger.lines.join('\n')).toMatch(/broker down/);
    } finally {
      await failing.close();
    }
  });
});
