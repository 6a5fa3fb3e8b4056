import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { FeedHealthReport } from '../../shared/contract';
import type { FeedHealth } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { SHOTS, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole } from '../support/console-host';

// One stub platform, one console pointed at it (its silence rule relaxed: the stub sends no traffic), one page. Every hostile case goes to the same processes;
// after each, the console must be alive, the page still drawing the map, and feed health counting what it refused.

const NOW = new Date().toISOString();
const alert = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'Alert',
  category: 'traffic',
  subCategory: 'carAccident',
  severity: 'high',
  location: { type: 'Point', coordinates: [98.3, 7.9] },
  dateIssued: NOW,
  ...extra,
});
const vehicle = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'Vehicle',
  location: { type: 'Point', coordinates: [98.31, 7.89] },
  vehicleType: 'ambulance',
  callsign: 'PKT-EMS-01',
  ...extra,
});
const segment = (id: string) => ({
  id,
  type: 'TrafficFlowObserved',
  location: { type: 'LineString', coordinates: [[98.3, 7.9], [98.31, 7.91]] },
  averageVehicleSpeed: 30,
  dateObserved: NOW,
});
/** Deeply nested JSON is spliced into the text: JSON.stringify itself cannot write it (its recursion runs out of stack). */
const DEEP_MARK = '"DEEP_VALUE"';
const withDeep = (text: string): string => text.replaceAll(DEEP_MARK, '['.repeat(5000) + ']'.repeat(5000));

/** Hostile entities of every kind the brief names; each is refused, except the year-9999 one, which is clamped. */
const hostileAlerts = (tag: string) => [
  alert(`urn:ngsi-ld:Alert:${tag}:proto`, { subCategory: 'toString' }),
  alert(`urn:ngsi-ld:Alert:${tag}:hasOwn`, { subCategory: 'hasOwnProperty' }),
  alert(''),
  alert('x'.repeat(10 * 1024)),
  alert(`urn:ngsi-ld:Alert:${tag}:nan`, { location: { type: 'Point', coordinates: ['NaN', 7.9] } }),
  alert(`urn:ngsi-ld:Alert:${tag}:huge`, { location: { type: 'Point', coordinates: [1e308, -1e308] } }),
  alert(`urn:ngsi-ld:Alert:${tag}:deep`, { description: 'DEEP_VALUE' }),
  alert(`urn:ngsi-ld:Alert:${tag}:types`, { severity: 5, category: { nested: true }, assignedUnits: 'all' }),
];
const hostileVehicles = (tag: string) => [
  vehicle(`urn:ngsi-ld:Vehicle:${tag}:proto`, { serviceStatus: 'valueOf' }),
  vehicle(`urn:ngsi-ld:Vehicle:${tag}:types`, { location: 'somewhere', speed: 'fast' }),
];
const futureAlert = (tag: string) => alert(`urn:ngsi-ld:Alert:${tag}:future`, { dateModified: '9999-12-31T23:59:59Z' });

type ListingMode = 'normal' | 'ignored-offset' | 'lying-count' | 'huge' | 'endless' | 'invalid-json';

/** The stub platform: NGSI-LD listings (hostile on request) and a notification stream on 127.0.0.1. */
class StubPlatform {
  mode: ListingMode = 'normal';
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  constructor(
    readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<StubPlatform> {
    let stub: StubPlatform | null = null;
    const server = createServer((req, res) => stub?.listing(req, res));
    const wss = new WebSocketServer({ server, path: '/ngsi-ld/v1/notifications/ws' });
    wss.on('connection', (ws) => {
      stub?.sockets.add(ws);
      ws.on('close', () => stub?.sockets.delete(ws));
      ws.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('stub has no port');
    stub = new StubPlatform(server, `http://127.0.0.1:${address.port}`);
    return stub;
  }

  private listing(req: IncomingMessage, res: ServerResponse): void {
    res.on('error', () => undefined);
    const params = new URL(req.url ?? '/', this.url).searchParams;
    const type = params.get('type');
    const json = (body: string, headers: Record<string, string> = {}): void => void res.writeHead(200, { 'Content-Type': 'application/json', ...headers }).end(body);
    if (req.method !== 'GET') return void res.writeHead(204).end();
    if (type !== 'Alert' || this.mode === 'normal') {
      const entities = type === 'Alert' ? [alert('urn:ngsi-ld:Alert:ok:1'), ...hostileAlerts('list'), futureAlert('list')] : type === 'Vehicle' ? [vehicle('urn:ngsi-ld:Vehicle:ok:1'), ...hostileVehicles('list')] : [segment('urn:ngsi-ld:TrafficFlowObserved:ok:1')];
      // An attribute named __proto__ must stay an attribute: it is written into the JSON text itself.
      const text = withDeep(JSON.stringify(entities)).replace('"callsign":"PKT-EMS-01"', '"callsign":"PKT-EMS-01","__proto__":{"agency":"police"}');
      return json(text, { 'NGSILD-Results-Count': String(entities.length) });
    }
    switch (this.mode) {
      case 'ignored-offset':
        // Always the first page, whatever the offset, and far more than one page claimed.
        return json(JSON.stringify(Array.from({ length: 1000 }, (_, n) => alert(`urn:ngsi-ld:Alert:page:${n}`))), { 'NGSILD-Results-Count': '1000000' });
      case 'lying-count':
        return json(JSON.stringify([alert('urn:ngsi-ld:Alert:ok:1')]), { 'NGSILD-Results-Count': 'lots' });
      case 'huge':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(40 * 1024 * 1024) });
        return void res.write('[');
      case 'endless': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('[');
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        return pump();
      }
      case 'invalid-json':
        return json('[{"id": "urn:ngsi-ld:Alert:1", "type": "Alert", ');
    }
  }

  /** Sends a Notification on every open stream; `gap` skips sequence numbers, which makes the console list again. */
  notify(data: unknown[], gap = false): void {
    // A gap needs a sequence to break: after a reconnect the console has none until the first notification.
    if (gap) this.notify([]);
    this.seq += gap ? 5 : 1;
    this.sendRaw(withDeep(JSON.stringify({ id: `urn:ngsi-ld:Notification:${this.seq}`, type: 'Notification', notifiedAt: new Date().toISOString(), seq: this.seq, data })));
  }

  sendRaw(text: string): void {
    for (const ws of this.sockets) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  }

  /** Drops the stream, as a restarting broker would: the console reconnects and lists everything again. */
  dropStreams(): void {
    this.seq = 0;
    for (const ws of this.sockets) ws.terminate();
  }

  async close(): Promise<void> {
    this.dropStreams();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let stub: StubPlatform;
let app: RunningConsole;
let browser: Browser;
let page: Page;

/** feed:health over the contract, as a window asks for it. */
async function health(): Promise<FeedHealthReport> {
  const ws = new WebSocket(`${app.origin.replace('http', 'ws')}/contract?secret=${app.secret}`, { origin: app.origin });
  try {
    return await new Promise<FeedHealthReport>((resolve, reject) => {
      ws.on('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ t: 'req', id: 1, ch: 'feed:health', payload: {} })));
      ws.on('message', (data) => {
        const message: unknown = JSON.parse(data.toString());
        if (typeof message === 'object' && message !== null && 't' in message && message.t === 'res' && 'payload' in message) resolve(FeedHealthReport.parse(message.payload));
      });
    });
  } finally {
    ws.terminate();
  }
}

const feed = (report: FeedHealthReport, id: FeedHealth['feed']): FeedHealth => {
  const found = report.feeds.find((f) => f.feed === id);
  if (!found) throw new Error(`no ${id} feed in the report`);
  return found;
};

/** Polls feed health until `test` holds, with a deadline. */
async function healthUntil(what: string, test: (report: FeedHealthReport) => boolean, timeoutMs = 60_000): Promise<FeedHealthReport> {
  const deadline = Date.now() + timeoutMs;
  let last: FeedHealthReport | null = null;
  while (Date.now() < deadline) {
    last = await health();
    if (test(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; last report: ${JSON.stringify(last)}`);
}

/** The console process lives, the page still has its map, and the contract still answers. */
async function stillServing(): Promise<void> {
  expect(app.process.exitCode).toBeNull();
  expect(app.process.signalCode).toBeNull();
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 10_000 });
  expect((await health()).platform).toBeTruthy();
}

beforeAll(async () => {
  stub = await StubPlatform.start();
  [app, browser] = await Promise.all([startHeadlessConsole([], { PHUKET_PLATFORM_URL: stub.url, PHUKET_PLATFORM_SILENCE_MS: '600000' }), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(app.url);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') writeFileSync(join(SHOTS, `adversarial-feed-${context.task.name.replace(/\W+/g, '-')}.png`), await page.screenshot());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await stub?.close();
});

describe('a console fed by a hostile platform', () => {
  it('refuses hostile entities in the first listing, keeps the good ones, and clamps a year-9999 time', async () => {
    const report = await healthUntil('the first listing', (r) => r.link.state === 'up' && feed(r, 'incidents').items >= 2 && feed(r, 'incidents').rejected >= hostileAlerts('x').length && feed(r, 'units').rejected >= 2);
    // Every hostile Alert refused; the valid one and the clamped future one kept.
    expect(feed(report, 'incidents').rejected).toBeGreaterThanOrEqual(hostileAlerts('x').length);
    expect(feed(report, 'incidents').adjusted).toBeGreaterThanOrEqual(1);
    expect(feed(report, 'incidents').lastAdjustment?.reason).toMatch(/9999-12-31T23:59:59.000Z is in the future; clamped/);
    expect(feed(report, 'traffic').rejected).toBe(0);
    await stillServing();
  });

  it('refuses hostile entities on the live stream and keeps applying later updates of a clamped entity', async () => {
    const before = feed(await health(), 'incidents');
    stub.notify([...hostileAlerts('live'), ...hostileVehicles('live'), futureAlert('live')]);
    await healthUntil('the stream refusals', (r) => feed(r, 'incidents').rejected >= before.rejected + hostileAlerts('x').length && (feed(r, 'incidents').adjusted ?? 0) > (before.adjusted ?? 0));
    // The entity stamped 9999 is not frozen: a later, ordinary update still applies.
    const itemsBefore = feed(await health(), 'incidents').items;
    stub.notify([alert('urn:ngsi-ld:Alert:live:future', { dateModified: new Date().toISOString(), description: 'updated after the year-9999 stamp' })]);
    await healthUntil('the later update to apply', (r) => feed(r, 'incidents').items > itemsBefore);
    await stillServing();
  });

  it('counts stream messages that are not notifications: invalid JSON, deep nesting, wrong types', async () => {
    const before = feed(await health(), 'units').rejected;
    stub.sendRaw('not json at all');
    stub.sendRaw('['.repeat(200_000));
    stub.sendRaw(JSON.stringify({ type: 'Notification', data: { not: 'a list' } }));
    stub.sendRaw('['.repeat(20_000) + ']'.repeat(20_000));
    await healthUntil('the refusals', (r) => feed(r, 'units').rejected >= before + 4);
    await stillServing();
  });

  it.each<[ListingMode, RegExp]>([
    ['ignored-offset', /ignores offset/],
    ['lying-count', /NGSILD-Results-Count is not a count/],
    ['huge', /over the 33554432-byte limit/],
    ['endless', /over the 33554432-byte limit/],
    ['invalid-json', /not JSON/],
  ])('stops a %s listing with a reason in feed health, and recovers when the platform behaves', async (mode, reason) => {
    stub.mode = mode;
    stub.notify([], true);
    await healthUntil(`the ${mode} refusal`, (r) => reason.test(feed(r, 'incidents').lastRejection?.reason ?? ''));
    await stillServing();
    stub.mode = 'normal';
    stub.dropStreams();
    await healthUntil('the link to come back', (r) => r.link.state === 'up' && feed(r, 'incidents').state !== 'down', 90_000);
    await stillServing();
  });

  it('has survived everything without a fault escaping, and the page still draws', async () => {
    const report = await health();
    expect(report.core?.faults ?? 0).toBe(0);
    writeFileSync(join(SHOTS, 'adversarial-feed-after.png'), await page.screenshot());
    await stillServing();
  });
});
