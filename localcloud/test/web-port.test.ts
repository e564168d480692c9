import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COGNITO_WEB_PATH, LocalCloud } from '../src/local-cloud.js';

let cloud: LocalCloud;
let web: string;
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-web-'));

beforeAll(async () => {
  cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
    web: {
      port: 0,
      landingPage: () => '<h1>Welcome</h1>',
      runtimeConfig: () => ({ region: 'us-east-1', answer: 42 }),
    },
  });
  const address = cloud.web?.server.address() as { port: number };
  web = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the web port', () => {
  it('serves the landing page and the runtime configuration, never cached', async () => {
    const page = await fetch(`${web}/`);
    const config = await fetch(`${web}/config.json`);
    expect(await page.text()).toBe('<h1>Welcome</h1>');
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(await config.json()).toEqual({ region: 'us-east-1', answer: 42 });
  });

  it('carries MQTT over WebSocket at /mqtt, fed by the IoT data plane', async () => {
    const client = await mqtt.connectAsync(`${web.replace('http', 'ws')}/mqtt`, { reconnectPeriod: 0 });
    await client.subscribeAsync('news', { qos: 1 });
    const received = new Promise<string>((resolve) =>
      client.on('message', (_topic, payload) => resolve(payload.toString())),
    );
    await fetch(`${cloud.endpoint}/topics/news?qos=1`, { method: 'POST', body: '{"fresh":true}' });
    expect(JSON.parse(await received)).toEqual({ fresh: true });
    await client.endAsync();
  });

  it('answers the user pools’ public actions for phones, and refuses administrative ones', async () => {
    const call = (action: string, body: object) =>
      fetch(`${web}${COGNITO_WEB_PATH}`, {
        method: 'POST',
        headers: {
          'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
          'content-type': 'application/x-amz-json-1.1',
        },
        body: JSON.stringify(body),
      });
    const signIn = await call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'nope',
      AuthParameters: {},
    });
    const admin = await call('AdminCreateUser', { UserPoolId: 'us-east-1_x', Username: 'mallory' });
    expect(signIn.status).toBe(400);
    expect(await signIn.json()).toMatchObject({
      __type: expect.stringMatching(/ResourceNotFound|InvalidParameter/),
    });
    expect(admin.status).toBe(400);
    expect(await admin.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(`${web}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});
