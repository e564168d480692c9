import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AwsJsonService, answerAwsJson, serveAwsJson } from './aws-json-service.js';
import { handleCors } from './cors.js';
import { type EdgeAnswer, type EdgeRoute, writeAnswer } from './edge-route.js';

/** What the edge serves. */
export interface EdgeOptions {
  /** Services spoken over the AWS JSON protocol, by target prefix. */
  services: AwsJsonService[];
  /** Other routes, tried in order when no JSON protocol service answers. */
  routes?: EdgeRoute[];
  /** Region assumed when a request carries no signature. */
  region: string;
}

/**
 * The AWS edge: one HTTP port answering the AWS wire protocols of the emulated services, so the
 * official SDK clients work with only `endpoint` changed.
 */
export class EdgeServer {
  private readonly server: Server;
  private readonly byPrefix = new Map<string, AwsJsonService>();
  private readonly routes: EdgeRoute[];

  constructor(private readonly options: EdgeOptions) {
    for (const service of options.services) this.byPrefix.set(service.targetPrefix, service);
    this.routes = [...(options.routes ?? [])];
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        console.error('[edge] request failed:', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ __type: 'InternalFailure', message: 'Internal failure' }));
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  /** Adds a service once it is ready; until then its requests get `UnknownOperationException`. */
  addService(service: AwsJsonService): void {
    this.byPrefix.set(service.targetPrefix, service);
  }

  /** Adds a route, tried after the ones before it. */
  addRoute(route: EdgeRoute): void {
    this.routes.push(route);
  }

  /** Listens on `host:port` (port 0 picks a free one) and resolves with the bound address. */
  listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** The URL clients use as their `endpoint`. */
  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  }

  /**
   * Answers an AWS JSON protocol call made in this process — the Step Functions engine's service
   * integrations — as it answers the same call over HTTP (the same services, validation and
   * errors), without a socket: over loopback, this thread would do both the client's and the
   * server's HTTP work for every call.
   */
  answer(target: string, body: string, region: string): Promise<EdgeAnswer> {
    const call = this.serviceCall(target);
    if (call) return answerAwsJson(call.service, call.action, body, region);
    for (const route of this.routes) {
      const answer = route.answerCall?.(target, body, region);
      if (answer) return answer;
    }
    return Promise.resolve(unknownOperation(`No service answers the target ${target}`));
  }

  /** Stops accepting connections and closes idle ones. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Browsers call the user pools API and its JWKS cross-origin, as they do Cognito's.
    if (handleCors(request, response)) return;
    const target = request.headers['x-amz-target'];
    const call = request.method === 'POST' && typeof target === 'string' && this.serviceCall(target);
    if (call) return serveAwsJson(call.service, call.action, request, response, this.options.region);
    const url = new URL(request.url ?? '/', 'http://edge');
    const route = this.routes.find((candidate) => candidate.matches(request, url));
    if (route) return route.handle(request, response, url);
    writeAnswer(
      response,
      unknownOperation(`No service answers ${request.method} ${request.url} (target ${target ?? 'none'})`),
    );
  }

  /** The JSON protocol service a target (`<prefix>.<action>`) names, with the action; none for a route's. */
  private serviceCall(target: string): { service: AwsJsonService; action: string } | undefined {
    const dot = target.lastIndexOf('.');
    const service = this.byPrefix.get(target.slice(0, dot));
    return service && { service, action: target.slice(dot + 1) };
  }
}

function unknownOperation(message: string): EdgeAnswer {
  const body = JSON.stringify({ __type: 'UnknownOperationException', message });
  return {
    status: 404,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    body,
  };
}
