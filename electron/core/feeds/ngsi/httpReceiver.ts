import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guarded } from '../../processGuards';
import type { Notification } from './notification';
import { parseNotificationMessage } from './notification';

export interface HttpReceiverOptions {
  /** host:port; port 0 picks a free one. */
  readonly listen: string;
  /** The path notifications are POSTed to. */
  readonly path: string;
  readonly maxBytes: number;
  readonly onNotification: (notification: Notification) => void;
  readonly onRefused: (reason: string) => void;
}

export interface HttpReceiver {
  /** http://host:port of the running server (the port chosen when 0 was asked). */
  readonly url: string;
  close(): Promise<void>;
}

function reply(res: ServerResponse, status: number, detail?: string): void {
  if (res.headersSent || res.destroyed) return;
  if (detail === undefined) {
    res.writeHead(status).end();
    return;
  }
  const body = JSON.stringify({ type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', title: 'Notification refused', status, detail: detail.slice(0, 300) });
  res.writeHead(status, { 'Content-Type': 'application/problem+json', Connection: 'close' }).end(body);
}

/** Reads a body up to the cap; null when it is bigger (the rest is not read). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const JSON_BODY = /^application\/(ld\+)?json\b/i;

/**
 * The NGSI-LD HTTP binding's receiving end: the broker POSTs each Notification here. Anything else gets a 4xx
 * with the reason (wrong path or method, not JSON, too big, not a Notification); nothing it is sent can stop it.
 */
export function startHttpReceiver(options: HttpReceiverOptions): Promise<HttpReceiver> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    if (path !== options.path) return reply(res, 404, `notifications go to ${options.path}`);
    if (req.method !== 'POST') return reply(res, 405, 'notifications are POSTed');
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > options.maxBytes) {
      options.onRefused(`notification of ${declared} bytes is over the ${options.maxBytes}-byte limit`);
      return reply(res, 413, `over the ${options.maxBytes}-byte limit`);
    }
    if (!JSON_BODY.test(req.headers['content-type'] ?? '')) {
      options.onRefused(`notification sent as ${String(req.headers['content-type'] ?? 'no content type').slice(0, 60)}`);
      return reply(res, 415, 'send application/json or application/ld+json');
    }
    const text = await readBody(req, options.maxBytes);
    if (text === null) {
      options.onRefused(`notification is over the ${options.maxBytes}-byte limit`);
      return reply(res, 413, `over the ${options.maxBytes}-byte limit`);
    }
    const parsed = parseNotificationMessage(text);
    if (!parsed.ok) {
      options.onRefused(parsed.reason);
      return reply(res, 400, parsed.reason);
    }
    // Answered first: the broker's delivery is done whatever the console then makes of the data.
    reply(res, 204);
    options.onNotification(parsed.notification);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(
      guarded('notification endpoint', (error: unknown) => {
        reply(res, 400, error instanceof Error ? error.message : 'unreadable request');
      }),
    );
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('clientError', (_error, socket) => socket.destroy());
  const [host = '127.0.0.1', port = '0'] = splitHostPort(options.listen);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), host, () => {
      server.removeListener('error', reject);
      server.on('error', guarded('notification endpoint', () => undefined));
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : Number(port);
      const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${bound}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** "host:port" or "[v6]:port" → [host, port]. */
function splitHostPort(listen: string): [string, string] {
  const at = listen.lastIndexOf(':');
  return [listen.slice(0, at).replace(/^\[(.*)\]$/, '$1'), listen.slice(at + 1)];
}
