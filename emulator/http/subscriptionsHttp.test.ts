import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNgsiSpec } from '../../test/support/ngsiSpec';
import { patchAlert } from '../city/commands';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { createSubscription, isRecord, readSubscription, recordsOf, sendJson, waitForSubscription } from './subscriptionsTestKit';

const spec = loadNgsiSpec();

interface Delivery {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** A notification receiver: /ok answers 200, /fail 500, /hang never answers. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const parsed: unknown = JSON.parse(raw);
        this.deliveries.push({ path: req.url ?? '', headers: req.headers, body: isRecord(parsed) ? parsed : {} });
        if (req.url?.startsWith('/hang') === true) return;
        res.writeHead(req.url?.startsWith('/fail') === true ? 500 : 200).end();
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  }

  async next(accept: (d: Delivery) => boolean, timeoutMs = 10_000): Promise<Delivery> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.deliveries.findIndex(accept);
      if (index >= 0) return this.deliveries.splice(index, 1)[0] ?? { path: '', headers: {}, body: {} };
      if (Date.now() > deadline) throw new Error(`no matching delivery within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function keepAUnitMoving(emu: Emulator): void {
  const incident = [...emu.city.incidents.values()].find((i) => i.status === 'new');
  const unit = [...emu.city.units.values()].find((u) => u.status === 'available' && u.agency === 'ems');
  if (incident === undefined || unit === undefined) throw new Error('fixture lacks a new incident or a free ambulance');
  incident.location = [98.31, 8.11];
  patchAlert(emu.city, incident.id, { status: 'acknowledged' });
  patchAlert(emu.city, incident.id, { status: 'dispatched', assignedUnits: [unit.id] });
}

const receiver = new Receiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.close());
const forSub = (id: string) => (d: Delivery): boolean => d.body['subscriptionId'] === id;

describe('HTTP endpoints and generic entities', () => {
  let emu: Emulator;
  // Subscriptions live by the wall clock; this one moves only when a test says so.
  let wall = Date.parse('2026-12-06T00:00:00Z');
  beforeAll(async () => {
    emu = await startEmulator({ seed: 21, startTime: '2025-03-04T05:00:00Z', autoTick: false, embeddedBroker: false, subscriptionClock: () => wall });
    keepAUnitMoving(emu);
    emu.step(1);
  });
  afterAll(() => emu.close());

  it('POSTs the Notification with Content-Type and Link (json) or @context (ld+json), and receiverInfo as headers', async () => {
    const json = await createSubscription(emu, { entities: [{ type: 'Vehicle' }], notification: { endpoint: { uri: `${receiver.url}/ok/json`, receiverInfo: [{ key: 'X-Console', value: 'phuket-1' }] } } });
    const ld = await createSubscription(emu, { entities: [{ type: 'Vehicle' }], notification: { endpoint: { uri: `${receiver.url}/ok/ld`, accept: 'application/ld+json' } } });
    emu.step(2);
    const plain = await receiver.next(forSub(json));
    expect(plain.headers['content-type']).toBe('application/json');
    expect(plain.headers['link']).toContain('rel="http://www.w3.org/ns/json-ld#context"');
    expect(plain.headers['x-console']).toBe('phuket-1');
    expect(spec.validate('Notification', plain.body)).toEqual([]);
    const withContext = await receiver.next(forSub(ld));
    expect(withContext.headers['content-type']).toBe('application/ld+json');
    expect(withContext.body['@context']).toContain('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld');
    expect(spec.validate('Notification', withContext.body)).toEqual([]);
    expect((await waitForSubscription(emu, json, (s) => s.notification['lastSuccess'] !== undefined)).notification['status']).toBe('ok');
  });

  it('records a 500 and a timeout as failures, never throws, and keeps serving', async () => {
    const failing = await createSubscription(emu, { entities: [{ type: 'Vehicle' }], notification: { endpoint: { uri: `${receiver.url}/fail` } } });
    const hanging = await createSubscription(emu, { entities: [{ type: 'Vehicle' }], notification: { endpoint: { uri: `${receiver.url}/hang`, timeout: 200 } } });
    emu.step(2);
    const a = await waitForSubscription(emu, failing, (s) => s.notification['lastFailure'] !== undefined);
    expect(a.notification).toMatchObject({ status: 'failed', timesFailed: 1, lastErrorReason: expect.stringContaining('HTTP 500') });
    const b = await waitForSubscription(emu, hanging, (s) => s.notification['lastFailure'] !== undefined);
    expect(b.notification).toMatchObject({ status: 'failed', lastErrorReason: expect.stringContaining('no response') });
    expect(spec.validate('Subscription', b)).toEqual([]);
    expect((await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Vehicle&limit=1`)).status).toBe(200);
  });

  it('q and throttling (on the wall clock): only matching entities, at most one notification per period', async () => {
    const id = await createSubscription(emu, { entities: [{ type: 'Vehicle' }], q: 'unitStatus=="dispatched"', throttling: 10, notification: { format: 'keyValues', endpoint: { uri: `${receiver.url}/ok/q` } } });
    emu.step(1);
    const first = await receiver.next(forSub(id));
    expect(recordsOf(first.body['data']).map((e) => e['unitStatus'])).toEqual(expect.arrayContaining(['dispatched']));
    expect(new Set(recordsOf(first.body['data']).map((e) => e['unitStatus']))).toEqual(new Set(['dispatched']));
    // Ten simulated seconds are not ten seconds of the subscription's (wall) clock: still throttled.
    emu.step(10);
    expect((await readSubscription(emu, id)).notification['timesSent']).toBe(1);
    wall += 10_000;
    emu.step(1);
    await receiver.next(forSub(id));
    expect((await readSubscription(emu, id)).notification['timesSent']).toBe(2);
  });

  it('any NGSI-LD entity can be created, read, patched and deleted, and each step notifies (entityCreated/Updated/Deleted)', async () => {
    const id = await createSubscription(emu, {
      entities: [{ type: 'WeatherObserved' }],
      notificationTrigger: ['entityCreated', 'entityUpdated', 'entityDeleted'],
      notification: { endpoint: { uri: `${receiver.url}/ok/weather` } },
    });
    const entities = `${emu.url}/ngsi-ld/v1/entities`;
    const entityId = 'urn:ngsi-ld:WeatherObserved:phuket:patong';
    const created = await sendJson(entities, 'POST', { id: entityId, type: 'WeatherObserved', temperature: 31.5, location: { type: 'Point', coordinates: [98.29, 7.89] }, refDevice: { type: 'Relationship', object: 'urn:ngsi-ld:Device:1' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/ngsi-ld/v1/entities/${encodeURIComponent(entityId)}`);
    expect((await sendJson(entities, 'POST', { id: entityId, type: 'WeatherObserved' })).status).toBe(409);
    expect((await sendJson(entities, 'POST', { id: 'not a uri', type: 'WeatherObserved' })).status).toBe(400);

    const one: unknown = await (await fetch(`${entities}/${encodeURIComponent(entityId)}`)).json();
    expect(spec.validate('Entity', one)).toEqual([]);
    expect(one).toMatchObject({ temperature: { type: 'Property', value: 31.5 }, location: { type: 'GeoProperty' }, refDevice: { type: 'Relationship' } });
    expect(await (await fetch(`${entities}?type=WeatherObserved&options=keyValues`)).json()).toEqual([
      { id: entityId, type: 'WeatherObserved', temperature: 31.5, location: { type: 'Point', coordinates: [98.29, 7.89] }, refDevice: 'urn:ngsi-ld:Device:1' },
    ]);

    const onCreate = await receiver.next(forSub(id));
    expect(spec.validate('Notification', onCreate.body)).toEqual([]);
    expect(recordsOf(onCreate.body['data'])[0]).toMatchObject({ id: entityId, temperature: { value: 31.5 } });

    expect((await sendJson(`${entities}/${encodeURIComponent(entityId)}/attrs`, 'PATCH', { temperature: { type: 'Property', value: 33 } })).status).toBe(204);
    const onUpdate = await receiver.next(forSub(id));
    expect(recordsOf(onUpdate.body['data'])[0]).toMatchObject({ id: entityId, temperature: { value: 33 } });

    expect((await sendJson(`${entities}/${encodeURIComponent(entityId)}`, 'DELETE')).status).toBe(204);
    const onDelete = await receiver.next(forSub(id));
    expect(spec.validate('Notification', onDelete.body)).toEqual([]);
    expect(recordsOf(onDelete.body['data'])).toEqual([{ id: entityId, type: 'WeatherObserved', deletedAt: expect.any(String) }]);
    expect((await fetch(`${entities}/${encodeURIComponent(entityId)}`)).status).toBe(404);
    // The simulated city's entities are not deletable; its own types still follow its rules.
    expect((await sendJson(`${entities}/${encodeURIComponent([...emu.city.units.keys()][0] ?? '')}`, 'DELETE')).status).toBe(422);
    expect((await sendJson(entities, 'POST', { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle' })).status).toBe(422);
  });
});

describe('expiry on the wall clock while the city runs 60 times faster, and renewal by PATCH', () => {
  let emu: Emulator;
  let wall = Date.now();
  beforeAll(async () => {
    emu = await startEmulator({ seed: 21, startTime: wall, speed: 60, tickMs: 50, embeddedBroker: false, subscriptionClock: () => wall });
    keepAUnitMoving(emu);
  });
  afterAll(() => emu.close());

  const simTime = async (): Promise<number> => {
    const status: unknown = await (await fetch(`${emu.url}/emulator/status`)).json();
    return isRecord(status) && typeof status['simTime'] === 'string' ? Date.parse(status['simTime']) : NaN;
  };

  it('outlives 30 simulated seconds, stops once expiresAt passes on the wall clock, shows "expired", and resumes after a renewal', async () => {
    const expiresAt = new Date(wall + 30_000).toISOString();
    const id = await createSubscription(emu, { entities: [{ type: 'Vehicle' }], expiresAt, notification: { endpoint: { uri: `${receiver.url}/ok/expiring` } } });
    await receiver.next(forSub(id));
    // The simulation passes expiresAt within half a wall second; the subscription must not care.
    const pastOnSimClock = Date.parse(expiresAt) + 20_000;
    await waitFor(async () => (await simTime()) > pastOnSimClock);
    expect((await readSubscription(emu, id))['status']).toBe('active');

    wall += 30_000;
    const expired = await waitForSubscription(emu, id, (s) => s['status'] === 'expired');
    const sentAtExpiry = expired.notification['timesSent'];
    const later = (await simTime()) + 20_000;
    await waitFor(async () => (await simTime()) > later);
    expect((await readSubscription(emu, id)).notification['timesSent']).toBe(sentAtExpiry);
    receiver.deliveries.splice(0);

    const url = `${emu.url}/ngsi-ld/v1/subscriptions/${encodeURIComponent(id)}`;
    expect((await sendJson(url, 'PATCH', { expiresAt: new Date(wall - 1).toISOString() })).status).toBe(400);
    expect((await sendJson(url, 'PATCH', { expiresAt: new Date(wall + 3_600_000).toISOString() })).status).toBe(204);
    expect((await readSubscription(emu, id))['status']).toBe('active');
    await receiver.next(forSub(id));
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
