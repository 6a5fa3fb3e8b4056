import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { guardSocket } from './socketGuard';
import type { GuardedSocket } from './socketGuard';
import { openRawWebSocket, upgradeRequest } from './testClient';

const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    for (const c of s.clients) c.terminate();
    s.close();
  }
});

interface Served {
  readonly port: number;
  readonly connected: Promise<{ ws: WebSocket; guarded: GuardedSocket; closed: Promise<number> }>;
}

function serve(limits: { maxBufferedBytes: number; heartbeatMs: number }): Promise<Served> {
  return new Promise((resolve) => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    servers.push(wss);
    const connected = new Promise<Awaited<Served['connected']>>((done) =>
      wss.once('connection', (ws) => {
        const closed = new Promise<number>((c) => ws.once('close', (code) => c(code)));
        done({ ws, guarded: guardSocket(ws, limits, 'test'), closed });
      }),
    );
    wss.once('listening', () => {
      const address = wss.address();
      resolve({ port: typeof address === 'object' && address !== null ? address.port : 0, connected });
    });
  });
}

describe('guardSocket', () => {
  it('drops a client that stops reading once its backlog passes the limit, and frees the connection', async () => {
    const { port, connected } = await serve({ maxBufferedBytes: 256 * 1024, heartbeatMs: 60_000 });
    const raw = await openRawWebSocket(port, upgradeRequest('/', { Host: `127.0.0.1:${port}` }));
    const { ws, guarded, closed } = await connected;
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    // Bounded: kernel buffers on loopback take a few MB before the backlog shows up in user space.
    while (sent < 2000 && guarded.send(chunk)) sent++;
    expect(sent).toBeLessThan(2000);
    expect(ws.readyState).toBe(ws.CLOSING);
    expect(guarded.send(chunk)).toBe(false);
    await closed;
    raw.destroy();
  });

  it('terminates a client that never answers a ping, and keeps one that does', async () => {
    const silent = await serve({ maxBufferedBytes: 1024, heartbeatMs: 50 });
    const raw = await openRawWebSocket(silent.port, upgradeRequest('/', { Host: `127.0.0.1:${silent.port}` }));
    expect(await (await silent.connected).closed).toBe(1006);
    raw.destroy();

    const polite = await serve({ maxBufferedBytes: 1024, heartbeatMs: 50 });
    const client = new WebSocket(`ws://127.0.0.1:${polite.port}/`);
    const server = await polite.connected;
    await new Promise<void>((resolve) => {
      let pings = 0;
      client.on('ping', () => ++pings === 4 && resolve());
    });
    expect(server.ws.readyState).toBe(server.ws.OPEN);
    client.close();
    expect(await server.closed).toBe(1005);
  });
});
