import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { unitFixture } from '../../../../shared/domain/testing/fixtures';
import type { FeedItem } from '../../../../shared/domain';
import type { FeedSink, LinkState } from '../source';
import { createPolledSource } from './polledSource';

interface Recorded {
  snapshots: FeedItem[][];
  changes: FeedItem[][];
  rejected: string[];
  removed: string[][];
  links: LinkState[];
}

function recordingSink(): { sink: FeedSink; got: Recorded } {
  const got: Recorded = { snapshots: [], changes: [], rejected: [], removed: [], links: [] };
  const sink: FeedSink = {
    snapshot: (_f, items) => got.snapshots.push(items),
    changes: (_f, items) => got.changes.push(items),
    rejected: (_f, reason) => got.rejected.push(reason),
    adjusted: () => undefined,
    link: (state) => got.links.push(state),
    removed: (_f, ids) => got.removed.push(ids),
    links: () => undefined,
  };
  return { sink, got };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: { close(): void }[] = [];
async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
}
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const unit = { feed: 'units' as const, item: unitFixture('u1', [98.3, 7.9]) };

describe('polled source', () => {
  it('sends the ETag back, so an unchanged feed costs a 304 and delivers nothing new', async () => {
    const seen: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      seen.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"' }).end('body');
    });
    const { sink, got } = recordingSink();
    const source = createPolledSource({ name: 't', feed: 'units', url, pollMs: 20, decode: async () => ({ items: [unit], complete: true, rejected: [], adjusted: [], sentAt: null }) });
    source.start(sink);
    await until(() => seen.length >= 3, 'three polls');
    await source.stop();
    expect(seen.slice(0, 3)).toEqual([undefined, '"v1"', '"v1"']);
    expect(got.snapshots).toEqual([[unit]]);
    expect(got.links[0]).toBe('connecting');
    expect(got.links).toContain('open');
  });

  it('says the link is down on a 500 and comes back when the server does, without stopping', async () => {
    let fail = true;
    let polls = 0;
    const url = await serve((_req, res) => {
      polls++;
      if (fail) return void res.writeHead(500).end();
      res.writeHead(200).end('ok');
    });
    const { sink, got } = recordingSink();
    const source = createPolledSource({ name: 't', feed: 'units', url, pollMs: 20, random: () => 0, decode: async () => ({ items: [unit], complete: false, removed: ['gone'], rejected: [], adjusted: [], sentAt: 5 }) });
    source.start(sink);
    await until(() => got.links.includes('closed'), 'the link to close');
    fail = false;
    await until(() => got.changes.length > 0, 'a delivery after recovery');
    await source.stop();
    expect(polls).toBeGreaterThan(1);
    expect(got.links.lastIndexOf('open')).toBeGreaterThan(got.links.indexOf('closed'));
    expect(got.removed[0]).toEqual(['gone']);
  });

  it('refuses a body over its size while it streams, and a body the decoder refuses is counted, not fatal', async () => {
    const big = await serve((_req, res) => res.writeHead(200).end(Buffer.alloc(2048)));
    const a = recordingSink();
    const tooBig = createPolledSource({ name: 'big', feed: 'units', url: big, pollMs: 1_000, maxBytes: 1024, decode: async () => ({ items: [], complete: true, rejected: [], adjusted: [], sentAt: null }) });
    tooBig.start(a.sink);
    await until(() => a.got.links.includes('closed'), 'the size refusal');
    await tooBig.stop();
    expect(a.got.snapshots).toEqual([]);

    const bad = await serve((_req, res) => res.writeHead(200).end('garbage'));
    const b = recordingSink();
    const refusing = createPolledSource({
      name: 'bad',
      feed: 'units',
      url: bad,
      pollMs: 1_000,
      decode: async () => {
        throw new Error('not a feed');
      },
    });
    refusing.start(b.sink);
    await until(() => b.got.rejected.length > 0, 'the rejection');
    await refusing.stop();
    expect(b.got.rejected[0]).toMatch(/bad: body refused: .*not a feed/);
    expect(b.got.links).toContain('open');
  });

  it('reports an unreachable server in words', async () => {
    const url = await serve((_req, res) => res.end());
    servers.splice(0).forEach((s) => s.close());
    const { sink, got } = recordingSink();
    const details: string[] = [];
    const source = createPolledSource({ name: 'gone', feed: 'units', url, pollMs: 1_000, decode: async () => ({ items: [], complete: true, rejected: [], adjusted: [], sentAt: null }) });
    source.start({ ...sink, link: (state, detail) => (got.links.push(state), details.push(detail)) });
    await until(() => got.links.includes('closed'), 'the failure');
    await source.stop();
    expect(details.at(-1)).toMatch(/^cannot reach 127\.0\.0\.1:\d+/);
  });
});
