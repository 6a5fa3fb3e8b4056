import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { FeedHealthReport, LiveSnapshot } from '../../shared/contract';
import type { FeedHealth } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { SHOTS, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole } from '../support/console-host';

// One stub platform, one console pointed at it (its silence rule relaxed: the stub sends no traffic; no MQTT, so
// notifications come by HTTP POST to the endpoint its subscriptions name), one page. Every hostile case goes to the same processes;
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

/**
 * Hostile entities of every kind the brief names; each is refused, except the year-9999 one, which is clamped,
 * and the two whose sub-category names an Object.prototype member: an unknown sub-category is an `other`
 * incident, kept, and must not resolve to the prototype's function (the first two below).
 */
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
const REFUSED_ALERTS = hostileAlerts('x').length - 2;
const futureAlert = (tag: string) => alert(`urn:ngsi-ld:Alert:${tag}:future`, { dateModified: '9999-12-31T23:59:59Z' });

type ListingMode = 'normal' | 'ignored-offset' | 'lying-count' | 'huge' | 'endless' | 'invalid-json';

const SUBSCRIPTIONS = '/ngsi-ld/v1/subscriptions';

/**
 * The stub platform on 127.0.0.1: NGSI-LD listings (hostile on request), and subscriptions as a broker keeps
 * them (POST 201 + Location, GET, PATCH, DELETE). Its notifications, hostile or not, are POSTed to the
 * endpoint the console's subscriptions name, as a broker's HTTP binding does.
 */
class StubPlatform {
  mode: ListingMode = 'normal';
  readonly subscriptions = new Map<string, Record<string, unknown>>();
  private sent = 0;
  constructor(
    readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<StubPlatform> {
    let stub: StubPlatform | null = null;
    const server = createServer((req, res) => {
      res.on('error', () => undefined);
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      if (!path.startsWith(SUBSCRIPTIONS)) return stub?.listing(req, res);
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => stub?.subscription(req.method ?? 'GET', path, raw, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('stub has no port');
    stub = new StubPlatform(server, `http://127.0.0.1:${address.port}`);
    return stub;
  }

  /** The endpoints notifications go to: one per distinct URI the console's subscriptions name. */
  endpoints(): string[] {
    return [...new Set([...this.subscriptions.values()].map((s) => Subscription.safeParse(s)).flatMap((p) => (p.success ? [p.data.notification.endpoint.uri] : [])))];
  }

  private subscription(method: string, path: string, raw: string, res: ServerResponse): void {
    const problem = (status: number, detail: string): void => void res.writeHead(status, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify({ type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', title: detail, status, detail }));
    const body = (): Record<string, unknown> | null => {
      try {
        const json: unknown = JSON.parse(raw);
        return typeof json === 'object' && json !== null && !Array.isArray(json) ? { ...json } : null;
      } catch {
        return null;
      }
    };
    if (path === SUBSCRIPTIONS && method === 'POST') {
      const parsed = Subscription.safeParse(body());
      if (!parsed.success) return problem(400, 'not a Subscription');
      const id = parsed.data.id ?? `urn:ngsi-ld:Subscription:stub:${this.subscriptions.size + 1}`;
      if (this.subscriptions.has(id)) return problem(409, `${id} already exists`);
      this.subscriptions.set(id, { ...parsed.data, id });
      return void res.writeHead(201, { Location: `${SUBSCRIPTIONS}/${encodeURIComponent(id)}` }).end();
    }
    const id = decodeURIComponent(path.slice(SUBSCRIPTIONS.length + 1));
    const known = this.subscriptions.get(id);
    if (known === undefined) return problem(404, `no subscription ${id}`);
    switch (method) {
      case 'GET':
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ...known, status: 'active', isActive: true }));
      case 'PATCH': {
        const fragment = body();
        if (fragment === null) return problem(400, 'not a fragment');
        this.subscriptions.set(id, { ...known, ...fragment, id });
        return void res.writeHead(204).end();
      }
      case 'DELETE':
        this.subscriptions.delete(id);
        return void res.writeHead(204).end();
      default:
        return problem(405, `${method} not allowed`);
    }
  }

  private listing(req: IncomingMessage, res: ServerResponse): void {
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

  /** POSTs a Notification with these entities to every endpoint the console subscribed. */
  notify(data: unknown[]): Promise<void> {
    const subscriptionId = [...this.subscriptions.keys()][0] ?? 'urn:ngsi-ld:Subscription:stub';
    return this.sendRaw(withDeep(JSON.stringify({ id: `urn:ngsi-ld:Notification:${++this.sent}`, type: 'Notification', subscriptionId, notifiedAt: new Date().toISOString(), data })));
  }

  /** POSTs any text as a notification; whatever the console answers (a 4xx for garbage) is its business. */
  async sendRaw(text: string): Promise<void> {
    const endpoints = this.endpoints();
    if (endpoints.length === 0) throw new Error('the console has not subscribed yet');
    for (const uri of endpoints) await fetch(uri, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text }).then((r) => r.arrayBuffer());
  }

  /** Forgets every subscription, as a broker that restarted without its store: the console makes them again and lists everything again. */
  loseSubscriptions(): void {
    this.subscriptions.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** What the stub needs of a Subscription the console POSTs. */
const Subscription = z.object({ id: z.string().optional(), type: z.literal('Subscription'), notification: z.object({ endpoint: z.object({ uri: z.url() }).loose() }).loose() }).loose();

let stub: StubPlatform;
let app: RunningConsole;
let browser: Browser;
let page: Page;

/** feed:health over the contract, as a window asks for it. */
/** One request over the host's contract WebSocket, as a window makes it, parsed with the contract's schema. */
async function ask<T>(channel: string, schema: z.ZodType<T>): Promise<T> {
  const ws = new WebSocket(`${app.origin.replace('http', 'ws')}/contract?secret=${app.secret}`, { origin: app.origin });
  try {
    return await new Promise<T>((resolve, reject) => {
      ws.on('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ t: 'req', id: 1, ch: channel, payload: {} })));
      ws.on('message', (data) => {
        const message: unknown = JSON.parse(data.toString());
        if (typeof message === 'object' && message !== null && 't' in message && message.t === 'res' && 'payload' in message) resolve(schema.parse(message.payload));
      });
    });
  } finally {
    ws.terminate();
  }
}

const health = (): Promise<FeedHealthReport> => ask('feed:health', FeedHealthReport);

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
  [app, browser] = await Promise.all([startHeadlessConsole([], { PHUKET_PLATFORM_URL: stub.url, PHUKET_PLATFORM_SILENCE_MS: '600000', PHUKET_SUBSCRIPTION_TTL_S: '12' }), launchChromium()]);
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
    const report = await healthUntil('the first listing', (r) => r.link.state === 'up' && feed(r, 'incidents').items >= 4 && feed(r, 'incidents').rejected >= REFUSED_ALERTS && feed(r, 'units').rejected >= 2);
    // Every hostile Alert refused; the valid one, the clamped future one and the two prototype-named `other` ones kept.
    expect(feed(report, 'incidents').rejected).toBeGreaterThanOrEqual(REFUSED_ALERTS);
    expect(feed(report, 'incidents').adjusted).toBeGreaterThanOrEqual(1);
    expect(feed(report, 'incidents').lastAdjustment?.reason).toMatch(/9999-12-31T23:59:59.000Z is in the future; clamped/);
    expect(feed(report, 'traffic').rejected).toBe(0);
    await stillServing();
  });

  it('subscribed to every followed type with an HTTP endpoint, asking for sysAttrs', () => {
    const subs = [...stub.subscriptions.values()];
    expect(subs.length).toBeGreaterThanOrEqual(3);
    expect(subs).toEqual(expect.arrayContaining([expect.objectContaining({ entities: [{ type: 'Alert' }], notification: expect.objectContaining({ sysAttrs: true }) })]));
    expect(stub.endpoints()).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//)]);
  });

  it('refuses hostile entities in notifications and keeps applying later updates of a clamped entity', async () => {
    const before = feed(await health(), 'incidents');
    await stub.notify([...hostileAlerts('live'), ...hostileVehicles('live'), futureAlert('live')]);
    await healthUntil('the stream refusals', (r) => feed(r, 'incidents').rejected >= before.rejected + REFUSED_ALERTS && (feed(r, 'incidents').adjusted ?? 0) > (before.adjusted ?? 0));
    // The entity stamped 9999 is not frozen: a later, ordinary update still applies.
    await stub.notify([alert('urn:ngsi-ld:Alert:live:future', { dateModified: new Date().toISOString(), description: 'updated after the year-9999 stamp' })]);
    const deadline = Date.now() + 60_000;
    const updated = async () => (await ask('state:snapshot', LiveSnapshot)).incidents.find((i) => i.id === 'urn:ngsi-ld:Alert:live:future')?.description;
    while ((await updated()) !== 'updated after the year-9999 stamp') {
      if (Date.now() > deadline) throw new Error('timed out waiting for the later update to apply');
      await page.waitForTimeout(100);
    }
    await stillServing();
  });

  it('counts notification POSTs that are not notifications: invalid JSON, deep nesting, wrong types', async () => {
    const before = feed(await health(), 'units').rejected;
    await stub.sendRaw('not json at all');
    await stub.sendRaw('['.repeat(200_000));
    await stub.sendRaw(JSON.stringify({ type: 'Notification', data: { not: 'a list' } }));
    await stub.sendRaw('['.repeat(20_000) + ']'.repeat(20_000));
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
    // The platform lost the subscriptions: the console makes them again and lists everything again.
    stub.loseSubscriptions();
    await healthUntil(`the ${mode} refusal`, (r) => reason.test(feed(r, 'incidents').lastRejection?.reason ?? ''));
    await stillServing();
    stub.mode = 'normal';
    stub.loseSubscriptions();
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
