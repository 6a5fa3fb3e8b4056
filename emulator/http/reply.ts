import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Refusal } from '../city/commands';

/** A response as data, so handlers stay testable and the action log can replay one verbatim. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Bytes sent as they are (XML, protobuf, GeoJSON text) instead of `body` as JSON; give its Content-Type in headers. */
  readonly raw?: string | Uint8Array;
}

const PROBLEM = 'https://uri.etsi.org/ngsi-ld/errors/';

/** RFC 7807 problem details, with NGSI-LD error types where one fits. */
export function problem(status: number, type: string, title: string, detail: string, headers?: Record<string, string>): Reply {
  const body = { type: type.includes(':') ? type : `${PROBLEM}${type}`, title, status, detail };
  return headers === undefined ? { status, body } : { status, headers, body };
}

export const fromRefusal = (r: Refusal): Reply => problem(r.status, r.type, r.title, r.detail);

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Uint8Array | undefined;
  if (reply.raw !== undefined) {
    payload = reply.raw;
    headers['Content-Length'] = String(typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength);
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] ??= reply.status >= 400 ? 'application/problem+json' : 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const MAX_TARGET_LENGTH = 8192;

/** The request target as a URL, or the 4xx that answers it: no target a client sends can throw. */
export function targetUrl(raw: string | undefined): URL | Reply {
  const target = raw ?? '/';
  if (target.length > MAX_TARGET_LENGTH) return problem(414, 'BadRequestData', 'URI too long', `request target exceeds ${MAX_TARGET_LENGTH} characters`);
  try {
    return new URL(target, 'http://emulator.invalid');
  } catch {
    return problem(400, 'BadRequestData', 'Bad request target', 'the request target is not a valid URL');
  }
}

/** Answers on a raw socket (a refused upgrade, or a request the HTTP parser refused) and closes it. */
export function refuseSocket(socket: Duplex, statusLine: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${statusLine}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** The server's answer to what its HTTP parser refuses (bad bytes, header overflow, timeouts). */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET') socket.destroy();
  else if (error.code === 'HPE_HEADER_OVERFLOW') refuseSocket(socket, '431 Request Header Fields Too Large');
  else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') refuseSocket(socket, '408 Request Timeout');
  else refuseSocket(socket, '400 Bad Request');
}

/** The last line's answer to a handler that threw: a request that could not be decoded is the client's fault, anything else ours. */
export function failure(error: unknown): Reply {
  if (error instanceof URIError) return problem(400, 'BadRequestData', 'Bad request', error.message);
  console.error('emulator: request handler failed', error);
  return problem(500, 'InternalError', 'Internal error', error instanceof Error ? error.message : String(error));
}
