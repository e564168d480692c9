import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'start.ts');
const APP = join(import.meta.dirname, 'fixture-app');
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-cli-'));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Every CLI this file started, killed at the end whatever happened. */
const children: ChildProcess[] = [];

function start(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(started: Started, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`'${text}' never appeared in:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }),
  );
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (the local cloud CLI)', { timeout: 150_000 }, () => {
  it('creates the app, warms it up, prints its accounts once, stops on Ctrl-C and finds everything at the next start', async () => {
    // Arrange
    const [edgePort, webPort] = [await freePort(), await freePort()];
    const ports = ['--edge-port', String(edgePort), '--port', String(webPort), '--app', APP];

    // Act
    const first = start(ports);
    await until(first, 'ready in');
    const config = await (await fetch(`http://127.0.0.1:${webPort}/config.json`)).json();
    first.child.kill('SIGINT');
    const firstCode = await first.exited;
    const second = start([...ports, '--no-warm-up']);
    await until(second, 'ready in');
    second.child.kill('SIGINT');
    await second.exited;

    // Assert
    const accounts = JSON.parse(readFileSync(join(dataDir, 'accounts.json'), 'utf8'));
    expect(accounts).toEqual([{ userPool: 'team', username: 'pat', password: expect.any(String) }]);
    expect(first.output()).toContain(`created account 'pat' with password ${accounts[0].password}`);
    expect(second.output()).not.toContain('created account');
    expect(first.output()).toMatch(/warmed up in \d+ ms: nothing to warm\n[\s\S]*ready in/);
    expect(second.output()).not.toContain('warm');
    expect(first.output()).toContain('stopped; data kept');
    expect(firstCode).toBe(0);
    expect(config).toMatchObject({
      mqttUrl: `ws://127.0.0.1:${webPort}/mqtt`,
      auth: {
        userPoolId: expect.stringMatching(/^us-east-1_/),
        userPoolEndpoint: `http://127.0.0.1:${webPort}/cognito`,
      },
    });
  });

  it('says in one line, without a stack trace, that a port is taken', async () => {
    // Arrange
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );

    // Act
    const started = start(['--edge-port', String(port), '--port', String(await freePort())]);
    const code = await started.exited;
    blocker.close();

    // Assert
    expect(code).toBe(1);
    expect(started.output()).toContain(`port ${port} is taken`);
    expect(started.output()).not.toMatch(/\n\s+at /);
  });

  it('says in one line what the user pool misses in a STAFF_PASSWORD it refuses', async () => {
    // Act
    const ports = ['--edge-port', String(await freePort()), '--port', String(await freePort())];
    const started = start([...ports, '--app', APP], { STAFF_PASSWORD: 'coffee-time' });
    const code = await started.exited;

    // Assert
    expect(code).toBe(1);
    expect(started.output()).toContain(
      'STAFF_PASSWORD is refused (Password did not conform with policy: Password must have uppercase characters): the user pool asks for 8 characters or more, with upper and lower case letters, a digit and a symbol.',
    );
    expect(started.output()).not.toMatch(/\n\s+at /);
  });

  it('says in one line that the application cannot start when a function of it refuses to load', async () => {
    // Act
    const ports = ['--edge-port', String(await freePort()), '--port', String(await freePort())];
    const started = start([...ports, '--app', APP], {
      FIXTURE_MISCONFIGURED: '1',
      STAFF_PASSWORD: 'Coffee-time-1',
    });
    const code = await started.exited;

    // Assert
    expect(code).toBe(1);
    expect(started.output()).toMatch(
      /the application cannot start: function '\S+' could not be loaded: FIXTURE_MISCONFIGURED is set: nothing can run\./,
    );
    expect(started.output()).not.toMatch(/\n\s+at /);
  });

  it('says in one line that the data folder is in use by another running instance', async () => {
    // Arrange
    const running = start(['--edge-port', String(await freePort()), '--port', String(await freePort())]);
    await until(running, 'ready in');

    // Act
    const second = start(['--edge-port', String(await freePort()), '--port', String(await freePort())]);
    const code = await second.exited;
    running.child.kill('SIGINT');
    await running.exited;

    // Assert
    expect(code).toBe(1);
    expect(second.output()).toContain('is in use by another running instance');
    expect(second.output()).not.toMatch(/\n\s+at /);
  });

  it('serves each --web-app at its mount path and links it from the landing page', async () => {
    // Arrange
    const appDir = join(dataDir, 'web-app');
    mkdirSync(appDir, { recursive: true });
    writeFileSync(
      join(appDir, 'index.html'),
      '<title>Board</title><meta name="description" content="The team board">',
    );
    const [edgePort, webPort] = [await freePort(), await freePort()];
    const appData = mkdtempSync(join(tmpdir(), 'localcloud-cli-web-'));

    // Act
    const started = start([
      '--edge-port',
      String(edgePort),
      '--port',
      String(webPort),
      '--web-app',
      `/board=${appDir}`,
      '--data-dir',
      appData,
    ]);
    await until(started, 'ready in');
    const page = await (await fetch(`http://127.0.0.1:${webPort}/board?x=1`)).text();
    const landing = await (await fetch(`http://127.0.0.1:${webPort}/`)).text();
    started.child.kill('SIGINT');
    await started.exited;
    rmSync(appData, { recursive: true, force: true });

    // Assert
    expect(page).toContain('<title>Board</title>');
    expect(landing).toContain('<a href="/board/">Board</a><span>The team board</span>');
    expect(started.output()).toContain(`app on http://127.0.0.1:${webPort}/board/`);
  });

  it('says in one line that a --web-app value is malformed', async () => {
    // Act
    const started = start(['--web-app', 'board', '--edge-port', String(await freePort())]);
    const code = await started.exited;

    // Assert
    expect(code).toBe(1);
    expect(started.output()).toContain('--web-app expects <mount path>=<folder>');
  });

  it('says in one line that the execution retention is not a whole number of days', async () => {
    // Act
    const started = start(['--edge-port', String(await freePort())], {
      LOCALCLOUD_EXECUTION_RETENTION_DAYS: 'a week',
    });
    const code = await started.exited;

    // Assert
    expect(code).toBe(1);
    expect(started.output().trim()).toMatch(
      /--execution-retention-days expects a whole number of days, 1 or more; got 'a week'$/,
    );
    expect(started.output()).not.toContain('    at ');
  });
});
