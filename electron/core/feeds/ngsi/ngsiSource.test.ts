import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { FeedId } from '../../../../shared/domain';
import type { FeedSink, LinkState } from '../source';
import { PHUKET } from './common';
import { createNgsiSource } from './ngsiSource';

interface Broker {
  url: string;
  socket: () => Promise<WebSocket>;
  inFlight: () => number;
  maxInFlight: () => number;
  listings: () => number;
  release: () => void;
  close: () => Promise<void>;
}

/** A broker on 127.0.0.1 whose listings wait until the test releases them, and a notification stream. */
async function startBroker(): Promise<Broker> {
  let inFlight = 0;
  let maxInFlight = 0;
  let listings = 0;
  let waiting: ServerResponse[] = [];
  const server: Server = createServer((_req, res) => {
    listings += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    waiting.push(res);
  });
  const wss = new WebSocketServer({ server });
  const sockets: WebSocket[] = [];
  let onSocket: ((ws: WebSocket) => void) | null = null;
  wss.on('connection', (ws) => {
    sockets.push(ws);
    onSocket?.(ws);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    socket: () => new Promise((resolve) => (sockets[0] ? resolve(sockets[0]) : (onSocket = resolve))),
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    listings: () => listings,
    release() {
      for (const res of waiting) {
        inFlight -= 1;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('[]');
      }
      waiting = [];
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function recordingSink() {
  const rejected: string[] = [];
  const links: LinkState[] = [];
  const snapshots: FeedId[] = [];
  const sink: FeedSink = {
    snapshot: (feed) => snapshots.push(feed),
    changes: () => undefined,
    rejected: (_feed, reason) => rejected.push(reason),
    adjusted: () => undefined,
    link: (state) => links.push(state),
  };
  return { sink, rejected, links, snapshots };
}

async function until(test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup) await step();
  cleanup = [];
});

describe('the NGSI-LD source', () => {
  it('has at most one resync in flight however many gaps arrive, and runs one more after it', async () => {
    const broker = await startBroker();
    const source = createNgsiSource({ broker: { baseUrl: broker.url, tenant: null, token: null }, feeds: ['incidents'], area: PHUKET });
    cleanup.push(() => source.stop(), () => broker.close());
    const { sink, links, rejected } = recordingSink();
    source.start(sink);
    const ws = await broker.socket();
    await until(() => broker.inFlight() === 1, 'the first listing');
    // Ten gaps while the first listing hangs, then a marker: once it is refused, every gap before it has been seen.
    for (let seq = 1; seq <= 20; seq += 2) ws.send(JSON.stringify({ type: 'Notification', seq, data: [] }));
    ws.send(JSON.stringify({ type: 'Notification', seq: 21, data: [{ id: '', type: 'Alert' }] }));
    await until(() => rejected.includes('entity id is empty'), 'the marker');
    expect(broker.maxInFlight()).toBe(1);
    broker.release();
    await until(() => broker.listings() === 2 && broker.inFlight() === 1, 'the one follow-up listing');
    broker.release();
    await until(() => links.includes('open'), 'the link to open');
    expect(broker.listings()).toBe(2);
    expect(broker.maxInFlight()).toBe(1);
  });

  it('counts hostile stream messages and keeps the stream', async () => {
    const broker = await startBroker();
    const source = createNgsiSource({ broker: { baseUrl: broker.url, tenant: null, token: null }, feeds: ['incidents'], area: PHUKET });
    cleanup.push(() => source.stop(), () => broker.close());
    const { sink, rejected, links } = recordingSink();
    source.start(sink);
    const ws = await broker.socket();
    await until(() => broker.inFlight() === 1, 'the first listing');
    broker.release();
    await until(() => links.includes('open'), 'the link to open');
    const hostile = [
      'not json',
      '['.repeat(100_000),
      JSON.stringify({ type: 'Notification', data: 'x' }),
      JSON.stringify({ type: 'Notification', data: [{ id: '', type: 'Alert' }, { id: 'x'.repeat(10_000), type: 'Alert' }, null, { id: 'a', type: 'Alert', subCategory: 'toString' }] }),
    ];
    for (const message of hostile) ws.send(message);
    await until(() => rejected.length >= 7, 'every refusal');
    expect(rejected).toEqual(
      expect.arrayContaining(['notification is not JSON', 'message is not an NGSI-LD Notification', 'entity id is empty', expect.stringMatching(/longer than 256/)]),
    );
    expect(links.at(-1)).toBe('open');
  });
});
