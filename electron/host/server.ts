import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { MAX_FRAME_BYTES, parseEvent } from '../../shared/contract';
import type { EventName, Handlers } from '../../shared/contract';
import type { EventHub } from '../core/events';
import { log } from '../core/log/logger';
import { sendEvent, serveConnection } from './connection';
import { cookieValue } from './cookies';
import { answerClientError, guardRequest, guardUpgrade, refuse } from './lastLine';
import { handleLogin, ticketUrl } from './login';
import type { LoginContext } from './login';
import { hostAllowed, originAllowed, parseTarget } from './requestTarget';
import type { Target } from './requestTarget';
import { newSecret, secretMatches } from './secret';
import { DEFAULT_SOCKET_LIMITS, guardSocket } from './socketGuard';
import type { GuardedSocket, SocketLimits } from './socketGuard';
import { serveStatic, setSecurityHeaders } from './static';
import { createTickets } from './tickets';

export const CONTRACT_PATH = '/contract';

export interface BrowserHostOptions {
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  readonly handlers: Handlers;
  readonly events: EventHub;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Tests pass a known secret; a launch makes a fresh one. */
  readonly secret?: string;
  /** Tests shrink these to see a slow or silent client dropped quickly. */
  readonly socketLimits?: SocketLimits;
}

export interface BrowserHost {
  /** The console's URL, secret included (in the fragment, so it never reaches a server log): printed, never put on a command line. */
  readonly url: string;
  readonly origin: string;
  readonly secret: string;
  /** A URL with a fresh one-time ticket, safe to pass on a command line: it is spent by the first load and expires within a minute. */
  ticketUrl(): string;
  connections(): number;
  close(): Promise<void>;
}

/**
 * The browser host: the same renderer and the same contract as Electron, for a Chromium `--app` window.
 * It listens on 127.0.0.1 only and answers only to its own Host name. A WebSocket must come from the console's
 * own origin and carry either the launch secret or the session cookie a one-time ticket was traded for.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? newSecret();
  const limits = options.socketLimits ?? DEFAULT_SOCKET_LIMITS;
  const tickets = createTickets();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const sockets = new Map<WebSocket, GuardedSocket>();
  let nextWindow = 1;
  let port = 0;
  let origin = '';
  const cookieName = (): string => `phuket_console_${port}`;
  const login = (): LoginContext => ({ tickets, secret, cookieName: cookieName(), origin });

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    const target: Target = hostAllowed(req.headers.host, port) ? parseTarget(req.url, origin) : { ok: false, status: 421, reason: 'Misdirected Request' };
    if (!target.ok) {
      res.writeHead(target.status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(target.reason);
      return;
    }
    if (handleLogin(login(), req, res, target.url)) return;
    serveStatic(options.rendererDir, req, res);
  };

  const authorised = (req: IncomingMessage, url: URL): boolean =>
    secretMatches(secret, url.searchParams.get('secret')) || tickets.sessionValid(cookieValue(req.headers.cookie, cookieName()));

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!hostAllowed(req.headers.host, port)) return refuse(socket, 421);
    const target = parseTarget(req.url, origin);
    if (!target.ok) return refuse(socket, target.status);
    if (target.url.pathname !== CONTRACT_PATH) return refuse(socket, 404);
    if (!authorised(req, target.url)) return refuse(socket, 401);
    if (!originAllowed(req.headers.origin, port)) return refuse(socket, 403);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const windowId = `ws-${nextWindow++}`;
      const guarded = guardSocket(ws, limits, windowId);
      sockets.set(ws, guarded);
      ws.once('close', () => sockets.delete(ws));
      serveConnection(ws, guarded, options.handlers, { host: 'browser', windowId });
      sendEvent(guarded, 'host:ready', parseEvent('host:ready', { host: 'browser', at: Date.now() }));
    });
  };

  const server = createServer(guardRequest(onRequest));
  server.on('upgrade', guardUpgrade(onUpgrade));
  server.on('clientError', answerClientError);

  const unsubscribe = options.events.subscribe((channel: EventName, payload) => {
    for (const guarded of sockets.values()) sendEvent(guarded, channel, payload);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('browser host: no TCP address after listen');
  port = address.port;
  // After listen, an accept failure (EMFILE, say) must be a log line, not an uncaught 'error' event.
  server.on('error', (error) => log().error('browser host server error', { error: error.message }));
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    secret,
    ticketUrl: () => ticketUrl(origin, tickets.mint()),
    connections: () => sockets.size,
    async close() {
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
