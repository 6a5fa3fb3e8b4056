import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { MAX_FRAME_BYTES, parseEvent } from '../../shared/contract';
import type { EventName, Handlers } from '../../shared/contract';
import type { EventHub } from '../core/events';
import { sendEvent, serveConnection } from './connection';
import { newSecret, secretMatches } from './secret';
import { serveStatic } from './static';

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
}

export interface BrowserHost {
  /** The console's URL, secret included (in the fragment, so it never reaches a server log). */
  readonly url: string;
  readonly origin: string;
  readonly secret: string;
  connections(): number;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The browser host: the same renderer and the same contract as Electron, for a Chromium `--app` window.
 * It listens on 127.0.0.1 only, and a WebSocket must carry the per-launch secret and come from the console's own origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? newSecret();
  const server = createServer((req, res) => serveStatic(options.rendererDir, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const sockets = new Set<WebSocket>();
  let nextWindow = 1;
  let origin = '';

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== CONTRACT_PATH) return refuse(socket, 404, 'Not Found');
    if (!secretMatches(secret, url.searchParams.get('secret'))) return refuse(socket, 401, 'Unauthorized');
    if (req.headers.origin !== origin) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      serveConnection(ws, options.handlers, { host: 'browser', windowId: `ws-${nextWindow++}` });
      sendEvent(ws, 'host:ready', parseEvent('host:ready', { host: 'browser', at: Date.now() }));
    });
  });

  const unsubscribe = options.events.subscribe((channel: EventName, payload) => {
    for (const ws of sockets) sendEvent(ws, channel, payload);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('browser host: no TCP address after listen');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    secret,
    connections: () => sockets.size,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
