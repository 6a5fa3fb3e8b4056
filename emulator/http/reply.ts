import type { ServerResponse } from 'node:http';
import type { Refusal } from '../city/commands';

/** A response as data, so handlers stay testable and the action log can replay one verbatim. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
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
  let payload: string | undefined;
  if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] ??= reply.status >= 400 ? 'application/problem+json' : 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
