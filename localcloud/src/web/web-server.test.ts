import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { WebServer } from './web-server.js';

describe('WebServer.close', () => {
  it('closes upgraded connections too, at once, so that their clients see the link drop', async () => {
    // Arrange
    const web = new WebServer({ landingPage: () => '', runtimeConfig: () => ({}) });
    web.server.on('upgrade', (_request, socket) => {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
    });
    const { port } = await web.listen(0, '127.0.0.1');
    const client = connect(port, '127.0.0.1');
    const upgraded = new Promise<void>((resolve) => client.once('data', () => resolve()));
    client.write(`GET /mqtt HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: test\r\n\r\n`);
    await upgraded;
    const clientClosed = new Promise<void>((resolve) => client.once('close', () => resolve()));

    // Act
    const started = Date.now();
    await web.close();
    await clientClosed;

    // Assert
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('WebServer apps', () => {
  const folder = mkdtempSync(join(tmpdir(), 'localcloud-web-app-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function fetchRaw(url: string, headers: Record<string, string>) {
    return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  }

  it('gzips text files for clients that accept it, and sends them as they are to others', async () => {
    // Arrange
    mkdirSync(join(folder, 'assets'));
    const script = `console.log(${JSON.stringify('coffee '.repeat(500))});`;
    writeFileSync(join(folder, 'assets', 'app.js'), script);
    writeFileSync(join(folder, 'index.html'), '<title>App</title>');
    const web = new WebServer({ landingPage: () => '', runtimeConfig: () => ({}), apps: { '/app': folder } });
    const { port } = await web.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/app/assets/app.js`;

    // Act
    const gzipped = await fetchRaw(url, { 'accept-encoding': 'gzip, deflate, br' });
    const plain = await fetchRaw(url, {});
    const page = await fetchRaw(`http://127.0.0.1:${port}/app?shop=main`, { 'accept-encoding': 'gzip' });
    await web.close();

    // Assert
    expect(gzipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding' });
    expect(gunzipSync(gzipped.body).toString()).toBe(script);
    expect(gzipped.body.length).toBeLessThan(script.length / 10);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(gunzipSync(page.body).toString()).toBe('<title>App</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
