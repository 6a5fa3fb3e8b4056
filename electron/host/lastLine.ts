import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { log } from '../core/log/logger';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  414: 'URI Too Long',
  421: 'Misdirected Request',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Answers on a raw socket (an upgrade or a request the parser refused) and closes it. */
export function refuse(socket: Duplex, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The last line for HTTP: whatever a handler throws becomes a 500 for that request and a log line, never a dead process. */
export function guardRequest(handler: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    try {
      handler(req, res);
    } catch (error) {
      log().error('request handler failed', { method: req.method, error: message(error) });
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Internal error');
    }
  };
}

/** The last line for upgrades, which Node hands over with no error listener on the socket. */
export function guardUpgrade(handler: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    socket.on('error', (error) => log().debug('upgrade socket error', { error: error.message }));
    try {
      handler(req, socket, head);
    } catch (error) {
      log().error('upgrade handler failed', { error: message(error) });
      refuse(socket, 500);
    }
  };
}

/** What the HTTP parser refuses (bad bytes, NUL, header overflow, timeouts) gets a 4xx, and never reaches a handler. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  log().debug('client error', { code: error.code, status });
  refuse(socket, status);
}
