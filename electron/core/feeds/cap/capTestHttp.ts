import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedItem, Warning } from '../../../../shared/domain';
import { itemsOf } from '../../../../shared/domain';
import type { FeedSink } from '../source';
import { atomIndex } from './capTestKit';

/** Test support: a CAP publisher on a local port, a sink that records, and a wait with a deadline. */

export interface Recorded {
  snapshots: Warning[][];
  rejected: string[];
}
export function recordingSink(): { sink: FeedSink; got: Recorded } {
  const got: Recorded = { snapshots: [], rejected: [] };
  const sink: FeedSink = {
    snapshot: (_f, items: FeedItem[]) => got.snapshots.push(itemsOf('warnings', items)),
    changes: () => undefined,
    rejected: (_f, reason) => got.rejected.push(reason),
    adjusted: () => undefined,
    link: () => undefined,
    removed: () => undefined,
    links: () => undefined,
  };
  return { sink, got };
}

export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A CAP publisher whose index and messages a test changes between polls; counts what is fetched. */
export interface TestPublisher {
  base: string;
  /** Path under /cap/ (or an absolute URL, listed only) to the message served there. */
  index: Map<string, string>;
  served: string[];
  conditional: number;
  etag: { value: string };
  close(): void;
}

export async function publisher(): Promise<TestPublisher> {
  const index = new Map<string, string>();
  const served: string[] = [];
  const etag = { value: '"1"' };
  const state: TestPublisher = { base: '', index, served, conditional: 0, etag, close: () => server.close() };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    served.push(path);
    if (path === '/cap/index.atom') {
      if (req.headers['if-none-match'] === etag.value) {
        state.conditional += 1;
        return void res.writeHead(304).end();
      }
      return void res.writeHead(200, { etag: etag.value, 'content-type': 'application/atom+xml' }).end(atomIndex([...index.keys()].map((href) => ({ href }))));
    }
    const body = index.get(path.replace('/cap/', ''));
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/cap+xml' }).end(body);
  };
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  state.base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return state;
}

