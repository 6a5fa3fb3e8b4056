import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { HostileSink } from '../../emulator/http/hostileSink';
import { basemapPalette } from '../../renderer/map/palette';
import { openRawWebSocket, rawStatus, upgradeRequest } from '../../electron/host/testClient';
import { MAX_FRAME_BYTES } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { SHOTS, startEmulatorProcess, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole, RunningEmulator } from '../support/console-host';
import { waitForLiveFrames, waitForNewData } from '../support/console-page';
import { countNear, decodePng, hexToRgb } from '../support/pixels';

// One console (its emulator in-process), one separate emulator, one page: every hostile case is sent to the
// same processes, and after each one they must still be alive and answering.
let app: RunningConsole;
let emulator: RunningEmulator;
let browser: Browser;
let page: Page;
let ticket: string;
let hostPort: number;
let emuPort: number;

beforeAll(async () => {
  [app, emulator, browser] = await Promise.all([
    startHeadlessConsole(),
    startEmulatorProcess(['--port', '0', '--seed', '11', '--speed', '60', '--tick-ms', '50']),
    launchChromium(),
  ]);
  hostPort = Number(new URL(app.origin).port);
  emuPort = Number(new URL(emulator.url).port);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  ticket = await app.ticketUrl();
  await page.goto(ticket);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.stop(), emulator?.stop()]);
});

const request = (target: string, host: string): string => `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
const statusOf = async (port: number, raw: string | Buffer): Promise<number> => Number((await rawStatus(port, raw)).split(' ')[1]);
const secretUpgrade = (headers: Record<string, string>): string => upgradeRequest(`/contract?secret=${app.secret}`, headers);

async function consoleAlive(): Promise<void> {
  expect({ exit: app.process.exitCode, signal: app.process.signalCode }, app.stderr().slice(-2000)).toEqual({ exit: null, signal: null });
  expect((await fetch(`${app.origin}/`)).status).toBe(200);
}

async function emulatorAlive(): Promise<void> {
  expect({ exit: emulator.process.exitCode, signal: emulator.process.signalCode }, emulator.stderr().slice(-2000)).toEqual({ exit: null, signal: null });
  expect((await fetch(`${emulator.url}/ngsi-ld/v1/entities?type=Alert&limit=1`)).status).toBe(200);
}

/** Sends one hostile frame on a fresh socket and resolves with the close code the server gave it. */
async function closeCodeFor(url: string, origin: string | undefined, payload: Buffer): Promise<number> {
  const ws = new WebSocket(url, origin === undefined ? {} : { origin });
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('close', (code) => reject(new Error(`the WebSocket closed (${code}) before it opened`)));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.send(payload, { binary: false });
  return closed;
}

/** A masked client text frame, written by hand for a client that writes but never reads. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  if (payload.length >= 126) throw new Error('textFrame is for short requests');
  const mask = Buffer.from([9, 8, 7, 6]);
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, payload.map((b, i) => b ^ (mask[i % 4] ?? 0))]);
}

/** Polls `done` every 25 ms, doing `step` in between, until it holds or the deadline passes. */
async function until(done: () => Promise<boolean> | boolean, step: () => void, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await done()) return true;
    step();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return done();
}

describe('the ticket flow in a real page', () => {
  it('loaded the console from a one-time ticket, connected by cookie, and keeps the secret out of the URL', async () => {
    expect(page.url()).toBe(`${app.origin}/`);
    // Live frames are drawn only from data that came over the contract WebSocket, which the cookie opened.
    await waitForLiveFrames(page, 1);
    const cookies = await page.context().cookies(app.origin);
    expect(cookies).toEqual([expect.objectContaining({ name: `phuket_console_${hostPort}`, httpOnly: true, sameSite: 'Strict', path: '/' })]);
  });

  it('refuses the same ticket a second time, and a forged one', async () => {
    expect((await fetch(ticket, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`${app.origin}/?ticket=${'A'.repeat(43)}`, { redirect: 'manual' })).status).toBe(401);
    await consoleAlive();
  });
});

describe('the browser host under hostile requests', () => {
  const own = (): string => `127.0.0.1:${hostPort}`;
  it.each([
    ['a path below a file', () => request('/index.html/x', own()), 404],
    ['an over-long segment', () => request(`/${'a'.repeat(300)}`, own()), 404],
    ['an encoded NUL', () => request('/index.html%00', own()), 404],
    ['a raw NUL', () => Buffer.from(`GET /a\0b HTTP/1.1\r\nHost: ${own()}\r\n\r\n`, 'latin1'), 400],
    ['malformed percent-encoding', () => request('/%E0%A4%A', own()), 404],
    ['an over-long URL', () => request(`/${'a/'.repeat(3000)}`, own()), 414],
    ['an absurdly long URL', () => request(`/${'a'.repeat(40_000)}`, own()), 431],
    ['an invalid upgrade target', () => upgradeRequest('//[', { Host: own(), Origin: app.origin }), 400],
    ['a bad Host header', () => request('/', 'no such host'), 421],
    ['a DNS-rebinding Host', () => request('/', `rebind.example:${hostPort}`), 421],
    ['a DNS-rebinding upgrade', () => secretUpgrade({ Host: `rebind.example:${hostPort}`, Origin: `http://rebind.example:${hostPort}` }), 421],
    ['an upgrade from another origin', () => secretUpgrade({ Host: own(), Origin: 'http://evil.example' }), 403],
  ])('answers %s with a 4xx and stays up', async (_name, make, expected) => {
    expect(await statusOf(hostPort, make())).toBe(expected);
    await consoleAlive();
  });

  const contract = (): string => `${app.origin.replace('http', 'ws')}/contract?secret=${app.secret}`;
  it('closes a socket that sends an over-size frame with 1009', async () => {
    expect(await closeCodeFor(contract(), app.origin, Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20))).toBe(1009);
    await consoleAlive();
  });

  it('closes a socket that sends invalid UTF-8 with 1007', async () => {
    expect(await closeCodeFor(contract(), app.origin, Buffer.from([0xc3, 0x28]))).toBe(1007);
    await consoleAlive();
  });

  it('drops a client that asks for snapshots and never reads them, and says so', async () => {
    const raw = await openRawWebSocket(hostPort, secretUpgrade({ Host: `127.0.0.1:${hostPort}`, Origin: app.origin }));
    let id = 0;
    const dropped = await until(
      () => /websocket dropped .*"code":1013/.test(app.stderr()),
      () => void raw.write(textFrame(JSON.stringify({ t: 'req', id: ++id, ch: 'state:snapshot', payload: {} }))),
      60_000,
    );
    raw.destroy();
    expect(dropped).toBe(true);
    await consoleAlive();
  });
});

describe('the emulator process under hostile requests', () => {
  it.each([
    ['an invalid upgrade target', () => upgradeRequest('//[', { Host: 'x' }), 400],
    // The emulator has no WebSocket: an upgrade, even to the retired notification stream's path, is refused cleanly.
    ['an upgrade to the retired notification stream', () => upgradeRequest('/ngsi-ld/v1/notifications/ws?type=Alert', { Host: 'x' }), 404],
    ['an upgrade with a broken handshake', () => upgradeRequest('/ngsi-ld/v1/entities', { Host: 'x' }).replace('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 1'), 404],
    ['an invalid request target', () => request('//[', 'x'), 400],
    ['malformed percent-encoding', () => request('/ngsi-ld/v1/entities/%E0%A4%A', 'x'), 400],
    ['a raw NUL', () => Buffer.from('GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'), 400],
    ['an absurdly long URL', () => request(`/${'a'.repeat(40_000)}`, 'x'), 431],
  ])('answers %s with a 4xx and stays up', async (_name, make, expected) => {
    expect(await statusOf(emuPort, make())).toBe(expected);
    await emulatorAlive();
  });

  it('refuses a hostile subscription (not JSON, deeply nested, a bad endpoint) with a 400 and stays up', async () => {
    const post = (body: string): Promise<number> =>
      fetch(`${emulator.url}/ngsi-ld/v1/subscriptions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then((r) => r.status);
    expect(await post('{"type": "Subscription", ')).toBe(400);
    expect(await post('['.repeat(100_000) + ']'.repeat(100_000))).toBe(400);
    expect(await post(JSON.stringify({ type: 'Subscription', entities: [{ type: 'Alert' }], notification: { endpoint: { uri: 'gopher://127.0.0.1/x' } } }))).toBe(400);
    await emulatorAlive();
  });

  it('keeps serving while a notification endpoint accepts connections and never reads, and records the failures', async () => {
    const sink = new HostileSink('silent');
    const uri = await sink.start();
    const subscriptions = `${emulator.url}/ngsi-ld/v1/subscriptions`;
    const created = await fetch(subscriptions, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'Subscription', entities: [{ type: 'TrafficFlowObserved' }, { type: 'Vehicle' }], notification: { endpoint: { uri, timeout: 300 } } }),
    });
    expect(created.status).toBe(201);
    const location = `${emulator.url}${created.headers.get('location') ?? ''}`;
    const Failures = z.object({ notification: z.object({ timesFailed: z.number().optional(), lastErrorReason: z.string().optional() }).loose() }).loose();
    const failures = async (): Promise<z.infer<typeof Failures>['notification']> => Failures.parse(await (await fetch(location)).json()).notification;
    try {
      expect(await until(async () => ((await failures()).timesFailed ?? 0) >= 3, () => undefined, 60_000)).toBe(true);
      // (That only one delivery is in flight per subscription is proven in emulator/http/hostile.test.ts.)
      expect(sink.connections).toBeGreaterThan(0);
      expect((await failures()).lastErrorReason).toMatch(/no response|dropped/);
      await emulatorAlive();
    } finally {
      expect((await fetch(location, { method: 'DELETE' })).status).toBe(204);
      await sink.close();
    }
    await emulatorAlive();
  });
});

describe('after all of it', () => {
  it('the page still draws the map and is still connected', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset['mapReady'])).toBe('true');
    // Still connected: more live data arrives and is drawn after every hostile case.
    await waitForNewData(page, 1);
    const shot = await page.screenshot();
    writeFileSync(join(SHOTS, 'adversarial-host.png'), shot);
    const box = await page.locator('.map').boundingBox();
    if (!box) throw new Error('map element has no box');
    expect(countNear(decodePng(shot), box, hexToRgb(basemapPalette.primary), 40)).toBeGreaterThan(300);
    await consoleAlive();
    await emulatorAlive();
  });
});
