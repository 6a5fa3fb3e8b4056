import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { openRawWebSocket, rawStatus, upgradeRequest } from '../ws/rawClient';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { NOTIFICATIONS_PATH } from './server';

let emu: Emulator;
let port: number;
beforeAll(async () => {
  emu = await startEmulator({ seed: 3, startTime: '2025-03-04T05:00:00Z', autoTick: false });
  port = Number(new URL(emu.url).port);
});
afterAll(() => emu.close());

const get = (target: string): string => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
const status = async (request: string | Buffer): Promise<number> => Number((await rawStatus(port, request)).split(' ')[1]);
const subscribers = async (): Promise<number> => z.object({ subscribers: z.number() }).parse(await (await fetch(`${emu.url}/emulator/status`)).json()).subscribers;

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
    ['an upgrade to an over-long target', upgradeRequest(`${NOTIFICATIONS_PATH}?type=${'a'.repeat(9000)}`, { Host: 'x' }), 414],
    ['a broken handshake', upgradeRequest(NOTIFICATIONS_PATH, { Host: 'x' }).replace('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 1'), 400],
  ])('answers %s with a 4xx and keeps serving', async (_name, request, expected) => {
    expect(await status(request)).toBe(expected);
    await stillServing();
  });

  it.each([
    ['an over-size frame', Buffer.alloc(64 * 1024 + 1, 0x20), 1009],
    ['invalid UTF-8', Buffer.from([0xc3, 0x28]), 1007],
  ])('closes a notification socket that sends %s, and only that one', async (_name, payload, code) => {
    const url = `${emu.url.replace('http', 'ws')}${NOTIFICATIONS_PATH}?type=Vehicle`;
    const bystander = new WebSocket(url);
    const hostile = new WebSocket(url);
    hostile.on('error', () => undefined);
    await Promise.all([bystander, hostile].map((ws) => new Promise((resolve) => ws.once('open', resolve))));
    const closed = new Promise<number>((resolve) => hostile.once('close', (c) => resolve(c)));
    hostile.send(payload, { binary: false });
    expect(await closed).toBe(code);
    const notified = new Promise((resolve) => bystander.once('message', resolve));
    emu.step(30);
    await notified;
    bystander.close();
    await stillServing();
  });

  it('drops a subscriber that never reads once its backlog passes the limit', async () => {
    const raw = await openRawWebSocket(port, upgradeRequest(`${NOTIFICATIONS_PATH}?type=TrafficFlowObserved,Vehicle`, { Host: 'x' }));
    expect(await subscribers()).toBe(1);
    const deadline = Date.now() + 60_000;
    let steps = 0;
    while ((await subscribers()) > 0 && Date.now() < deadline) {
      emu.step(60);
      steps++;
    }
    expect(await subscribers()).toBe(0);
    expect(steps).toBeGreaterThan(1);
    raw.destroy();
    await stillServing();
  });
});
