import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { sendJson } from '../edge/edge-route.js';

/** An HTTP handler mounted on the web port (the application's API, a public service door). */
export type WebHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

/** What the web port serves. */
export interface WebServerOptions {
  /** The page at `/`. */
  landingPage: () => string;
  /** The runtime configuration the apps read at `/config.json`. */
  runtimeConfig: () => unknown;
  /** Handlers by path prefix, e.g. `/api` → the application's HTTP API. */
  mounts?: Record<string, WebHandler>;
  /** Built single-page apps by path prefix, e.g. `/order` → a folder with `index.html`. */
  apps?: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** The types worth compressing: text. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.map']);

const gzipAsync = promisify(gzip);

/**
 * The web port: a landing page, the apps' static bundles, their runtime configuration and the
 * mounted handlers. WebSocket upgrades (MQTT at `/mqtt`) are attached to {@link WebServer.server}.
 */
export class WebServer {
  readonly server: Server;
  /** Every open connection, upgraded ones (MQTT's WebSockets) included: `closeAllConnections` misses those. */
  private readonly sockets = new Set<Socket>();
  /** Gzipped app files by path, with the size and time of the version compressed. */
  private readonly compressed = new Map<string, { size: number; mtimeMs: number; body: Buffer }>();

  constructor(private readonly options: WebServerOptions) {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        console.error('[web] request failed:', error);
        if (!response.headersSent) {
          sendJson(response, 500, {
            error: { code: 'internal', message: 'Something went wrong on our side' },
          });
        } else response.end();
      });
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on `host:port` and resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /**
   * Stops accepting connections and closes open ones, WebSockets too: their clients see the link
   * drop at once (and reconnect), instead of the server waiting for them to leave.
   */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://web');
    for (const [prefix, handler] of Object.entries(this.options.mounts ?? {})) {
      if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
        return handler(request, response, url);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, {
        error: { code: 'method-not-allowed', message: `${request.method} is not allowed here` },
      });
    }
    if (url.pathname === '/config.json') {
      return sendJson(response, 200, this.options.runtimeConfig(), { 'cache-control': 'no-store' });
    }
    if (url.pathname === '/') {
      const page = this.options.landingPage();
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(page),
      });
      return void response.end(page);
    }
    for (const [prefix, folder] of Object.entries(this.options.apps ?? {})) {
      if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) {
        return this.serveApp(folder, url.pathname.slice(prefix.length), request, response);
      }
    }
    sendJson(response, 404, { error: { code: 'not-found', message: `Nothing at ${url.pathname}` } });
  }

  /**
   * A file of the app's bundle, or its `index.html` for client-side routes; text files gzipped
   * when the client accepts it (phones on the shop's Wi-Fi load a third of the bytes).
   */
  private async serveApp(
    folder: string,
    path: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const root = normalize(folder);
    const candidate = normalize(join(root, decodeURIComponent(path)));
    const inside = candidate === root || candidate.startsWith(root + sep);
    const file = inside && (await isFile(candidate)) ? candidate : join(root, 'index.html');
    if (!(await isFile(file))) {
      return sendJson(response, 404, { error: { code: 'not-found', message: 'This app is not built yet' } });
    }
    const immutable = file.includes(`${sep}assets${sep}`);
    const headers: Record<string, string | number> = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (!COMPRESSIBLE.has(extname(file))) {
      response.writeHead(200, headers);
      return void createReadStream(file).pipe(response);
    }
    headers.vary = 'accept-encoding';
    const body = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
      ? await this.gzipped(file)
      : undefined;
    if (body) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
      return void response.end(request.method === 'HEAD' ? undefined : body);
    }
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  }

  /** The gzipped bytes of `file`, compressed once per version of the file (its size and time). */
  private async gzipped(file: string): Promise<Buffer> {
    const { size, mtimeMs } = await stat(file);
    const cached = this.compressed.get(file);
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.body;
    const body = await gzipAsync(await readFile(file));
    this.compressed.set(file, { size, mtimeMs, body });
    return body;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
