import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { NGSI_BASE } from '../ngsi/context';
import { readJsonBody } from './body';
import { handleControl } from './control';
import type { ControlContext } from './control';
import { appendAttrs, getEntities, getEntity, patchAttrs, postEntity } from './entitiesApi';
import type { ApiContext } from './entitiesApi';
import { RETRY_AFTER_S } from './faults';
import { answerClientError, failure, problem, refuseSocket, send, targetUrl } from './reply';
import type { Reply } from './reply';

const ENTITY_PATH = new RegExp(`^${NGSI_BASE}/entities/([^/]+)$`);
const ATTRS_PATH = new RegExp(`^${NGSI_BASE}/entities/([^/]+)/attrs/?$`);

export interface ServerContext extends ApiContext, Omit<ControlContext, 'destroyConnections'> {
  /** Routes tried first (subscriptions, generic entities: emulator/http/platformRoutes.ts); null hands the request on. */
  readonly extraRoutes?: (req: IncomingMessage, url: URL) => Promise<Reply | null>;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

const wantsLd = (req: IncomingMessage): boolean => (req.headers.accept ?? '').includes('application/ld+json');

function decodeId(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

async function routeNgsi(ctx: ServerContext, req: IncomingMessage, url: URL): Promise<Reply> {
  const extra = await ctx.extraRoutes?.(req, url);
  if (extra !== undefined && extra !== null) return extra;
  const path = url.pathname;
  const actionHeader = typeof req.headers['x-action-id'] === 'string' ? req.headers['x-action-id'] : undefined;
  if (path === `${NGSI_BASE}/entities` || path === `${NGSI_BASE}/entities/`) {
    if (req.method === 'GET') return getEntities(ctx, url.searchParams, wantsLd(req));
    if (req.method === 'POST') {
      const body = await readJsonBody(req);
      return body.ok ? postEntity(ctx, body.json, actionHeader) : problem(body.status, 'BadRequestData', 'Unreadable body', body.detail);
    }
    return problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} ${path}`, { Allow: 'GET, POST' });
  }
  const attrs = ATTRS_PATH.exec(path)?.[1];
  if (attrs !== undefined) {
    const id = decodeId(attrs);
    if (id === null) return problem(400, 'BadRequestData', 'Bad id', 'entity id is not valid percent-encoding');
    if (req.method !== 'PATCH' && req.method !== 'POST') return problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} ${path}`, { Allow: 'PATCH, POST' });
    const body = await readJsonBody(req);
    if (!body.ok) return problem(body.status, 'BadRequestData', 'Unreadable body', body.detail);
    return req.method === 'POST' ? appendAttrs(ctx, id, body.json, actionHeader) : patchAttrs(ctx, id, body.json, actionHeader);
  }
  const entity = ENTITY_PATH.exec(path)?.[1];
  if (entity !== undefined) {
    const id = decodeId(entity);
    if (id === null) return problem(400, 'BadRequestData', 'Bad id', 'entity id is not valid percent-encoding');
    if (req.method !== 'GET') return problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} ${path}`, { Allow: 'GET' });
    return getEntity(ctx, id, url.searchParams, wantsLd(req));
  }
  return problem(404, 'ResourceNotFound', 'Not found', `no resource at ${path}`);
}

/**
 * One port serves both the NGSI-LD API and `/emulator/*` control. Control paths are checked first, so
 * they stay reachable during every fault; during an outage any other request has its socket destroyed.
 */
export async function startServer(ctx: ServerContext, host: string, port: number): Promise<RunningServer> {
  const sockets = new Set<Socket>();

  const destroyConnections = (except: Socket | null): void => {
    for (const s of sockets) if (s !== except) s.destroy();
  };
  const control: ControlContext = { ...ctx, destroyConnections };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = targetUrl(req.url);
    if (!(url instanceof URL)) return send(res, url);
    if (url.pathname.startsWith('/emulator/')) return send(res, await handleControl(control, req, url));
    if (ctx.faults.outage) return void req.socket.destroy();
    // Stalled requests are left hanging on purpose; close() destroys their sockets.
    if (ctx.faults.stall) return;
    if (ctx.faults.http503) {
      return send(res, problem(503, 'urn:phuket:emulator:problem:unavailable', 'Service unavailable', 'injected fault: http503', { 'Retry-After': String(RETRY_AFTER_S) }));
    }
    send(res, await routeNgsi(ctx, req, url));
  };

  // The platform speaks plain HTTP (notifications go out over MQTT or HTTP POST): no upgrade is ever
  // accepted. A bad target still gets its 4xx; any other upgrade a 404, as a broker without one would say.
  const onUpgrade = (req: IncomingMessage, socket: Duplex): void => {
    const url = targetUrl(req.url);
    if (!(url instanceof URL)) return refuseSocket(socket, url.status === 414 ? '414 URI Too Long' : '400 Bad Request');
    if (ctx.faults.outage) return void socket.destroy();
    refuseSocket(socket, '404 Not Found');
  };

  // The last line: whatever a handler throws answers that one request (or cuts it, once headers went out), never the process.
  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      try {
        if (res.headersSent) res.destroy();
        else send(res, failure(err));
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', answerClientError);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    // Node hands an upgrade's socket over with no error listener: a reset would otherwise be uncaught.
    socket.on('error', () => socket.destroy());
    try {
      onUpgrade(req, socket);
    } catch (err) {
      console.error('emulator: upgrade handler failed', err);
      refuseSocket(socket, '500 Internal Server Error');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.on('error', (err) => console.error('emulator: server error', err));
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${boundPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        destroyConnections(null);
        server.close(() => resolve());
      }),
  };
}
