import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { HostileSink } from './hostileSink';
import { rawStatus, upgradeRequest } from './rawClient';
import { createSubscription, readSubscription, sendJson, waitForSubscription } from './subscriptionsTestKit';

let emu: Emulator;
let port: number;
beforeAll(async () => {
  emu = await startEmulator({ seed: 3, startTime: '2025-03-04T05:00:00Z', autoTick: false, embeddedBroker: false, warn: () => undefined });
  port = Number(new URL(emu.url).port);
});
afterAll(() => emu.close());

const get = (target: string): string => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
const status = async (request: string | Buffer): Promise<number> => Number((await rawStatus(port, request)).split(' ')[1]);

async function stillServing(): Promise<void> {
  expect((await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert&limit=1`)).status).toBe(200);
}

describe('the emulator under hostile requests', () => {
  it.each([
    ['an invalid URL', get('//['), 400],
    ['an over-long target', get(`/ngsi-ld/v1/entities/${'a'.repeat(9000)}`), 414],
    ['an absurdly long URL', get(`/${'a'.repeat(20_000)}`), 431],
    ['a raw NUL', Buffer.from('GET /a\0 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'), 400],
    ['bad percent-encoding in an entity id', get('/ngsi-ld/v1/entities/%E0%A4%A'), 400],
    ['bad percent-encoding on a control path', 'POST /emulator/incidents/%E0%A4%A HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}', 400],
    ['an upgrade to an invalid URL', upgradeRequest('//[', { Host: 'x' }), 400],
    ['an upgrade to an over-long target', upgradeRequest(`/ngsi-ld/v1/entities?type=${'a'.repeat(9000)}`, { Host: 'x' }), 414],
    // There is no WebSocket here any more: the old stream's path and any other upgrade are refused cleanly.
    ['an upgrade to the retired notification stream', upgradeRequest('/ngsi-ld/v1/notifications/ws?type=Vehicle', { Host: 'x' }), 404],
    ['a broken handshake', upgradeRequest('/ngsi-ld/v1/entities', { Host: 'x' }).replace('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 1'), 404],
  ])('answers %s with a 4xx and keeps serving', async (_name, request, expected) => {
    expect(await status(request)).toBe(expected);
    await stillServing();
  });
});

describe('hostile notification endpoints', () => {
  it('a subscriber that never reads: one delivery in flight, at most 50 waiting, the rest dropped as failures; serving goes on', async () => {
    const sink = new HostileSink('silent');
    const uri = await sink.start();
    // Traffic notifications are large (hundreds of kB): the sink's buffers fill and the POST stalls mid-body.
    const id = await createSubscription(emu, { entities: [{ type: 'TrafficFlowObserved' }], notification: { endpoint: { uri, timeout: 20_000 } } });
    let dropped = 0;
    try {
      for (let i = 0; i < 60; i++) {
        emu.step(60);
        // Let the event loop breathe, as ticks do: one long block races the server's keep-alive timeout.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const stuck = await readSubscription(emu, id);
      expect(stuck.notification).toMatchObject({ status: 'failed', timesSent: 1, lastErrorReason: expect.stringContaining('dropped') });
      dropped = Number(stuck.notification['timesFailed']);
      expect(dropped).toBeGreaterThan(0);
      expect(sink.maxOpen).toBe(1);
      await stillServing();
    } finally {
      await sink.close();
    }
    // The endpoint gone, the held deliveries fail fast, one by one: exactly the 51 that were accepted.
    const drained = await waitForSubscription(emu, id, (s) => s.notification['timesSent'] === 51 && s.notification['timesFailed'] === 51 + dropped, 30_000);
    expect(drained.notification['lastErrorReason']).not.toContain('dropped');
    expect((await sendJson(`${emu.url}/ngsi-ld/v1/subscriptions/${encodeURIComponent(id)}`, 'DELETE')).status).toBe(204);
  }, 60_000);

  it('a subscriber that answers bytes that are not HTTP is a recorded failure, nothing more', async () => {
    const sink = new HostileSink('garbage');
    const uri = await sink.start();
    try {
      const id = await createSubscription(emu, { entities: [{ type: 'Alert' }, { type: 'Vehicle' }], notification: { endpoint: { uri } } });
      emu.step(60);
      const failed = await waitForSubscription(emu, id, (s) => s.notification['lastFailure'] !== undefined);
      expect(failed.notification).toMatchObject({ status: 'failed', lastErrorReason: expect.stringContaining('cannot POST') });
      expect(sink.connections).toBeGreaterThan(0);
      expect((await readSubscription(emu, id))['status']).toBe('active');
      await stillServing();
    } finally {
      await sink.close();
    }
  });
});
