import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request the test broker saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly search: URLSearchParams;
  readonly body: unknown;
}

export interface TestBroker {
  readonly url: string;
  readonly seen: SeenRequest[];
  /** Subscriptions it holds, by id, as last POSTed or PATCHed. */
  readonly subscriptions: Map<string, Record<string, unknown>>;
  /** Entities listed per type. */
  readonly entities: Map<string, unknown[]>;
  /** Answers the next requests matching method and path prefix with this status instead (once each). */
  failNext(method: string, pathPrefix: string, status: number, body?: string): void;
  /** Listings wait until released (to test what happens during one). */
  holdListings(on: boolean): void;
  close(): Promise<void>;
}

const read = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      try {
        resolve(text === '' ? undefined : JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A tiny NGSI-LD broker for unit tests: subscriptions (POST/GET/PATCH/DELETE) and entity listings, on 127.0.0.1. */
export async function startTestBroker(): Promise<TestBroker> {
  const seen: SeenRequest[] = [];
  const subscriptions = new Map<string, Record<string, unknown>>();
  const entities = new Map<string, unknown[]>();
  const failures: { method: string; prefix: string; status: number; body: string }[] = [];
  let hold = false;
  let held: (() => void)[] = [];

  const answer = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void read(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://broker');
      const method = req.method ?? 'GET';
      seen.push({ method, path: url.pathname, search: url.searchParams, body });
      const failure = failures.findIndex((f) => f.method === method && url.pathname.startsWith(f.prefix));
      if (failure >= 0) {
        const [f] = failures.splice(failure, 1);
        if (f) return answer(res, f.status, { title: 'refused', detail: f.body });
      }
      if (url.pathname === '/ngsi-ld/v1/entities') {
        const list = () => answer(res, 200, entities.get(url.searchParams.get('type') ?? '') ?? [], { 'NGSILD-Results-Count': String((entities.get(url.searchParams.get('type') ?? '') ?? []).length) });
        if (hold && url.searchParams.get('limit') !== '1') held.push(list);
        else list();
        return;
      }
      if (url.pathname === '/ngsi-ld/v1/subscriptions' && method === 'POST' && isRecord(body)) {
        const id = typeof body['id'] === 'string' ? body['id'] : `urn:ngsi-ld:Subscription:${subscriptions.size + 1}`;
        if (subscriptions.has(id)) return answer(res, 409, { title: 'AlreadyExists' });
        subscriptions.set(id, body);
        return answer(res, 201, undefined, { Location: `/ngsi-ld/v1/subscriptions/${encodeURIComponent(id)}` });
      }
      const one = /^\/ngsi-ld\/v1\/subscriptions\/(.+)$/.exec(url.pathname)?.[1];
      if (one !== undefined) {
        const id = decodeURIComponent(one);
        const sub = subscriptions.get(id);
        if (!sub) return answer(res, 404, { title: 'ResourceNotFound' });
        if (method === 'GET') return answer(res, 200, { ...sub, status: 'active' });
        if (method === 'DELETE') {
          subscriptions.delete(id);
          return answer(res, 204);
        }
        if (method === 'PATCH' && isRecord(body)) {
          subscriptions.set(id, { ...sub, ...body });
          return answer(res, 204);
        }
      }
      answer(res, 400, { title: 'unexpected' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    seen,
    subscriptions,
    entities,
    failNext: (method, prefix, status, body = '') => failures.push({ method, prefix, status, body }),
    holdListings(on) {
      hold = on;
      if (!on) {
        const waiting = held;
        held = [];
        for (const go of waiting) go();
      }
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Polls a condition with a deadline (no sleeps): for what arrives over sockets. */
export async function until(test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
