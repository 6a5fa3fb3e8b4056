import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineM } from '../city/geo';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

const START = '2025-03-04T01:00:00Z';
let emu: Emulator;
let base: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: 11, startTime: START, autoTick: false });
  base = `${emu.url}/ngsi-ld/v1`;
});
afterAll(() => emu.close());

/** Decoded bodies, typed loosely enough to assert on; the assertions are what check them. */
interface Kv {
  id: string;
  type: string;
  location: { type: string; coordinates: number[] };
  notes: { id: string }[];
  [attr: string]: unknown;
}
type Norm = Record<string, { type?: string; value?: { type?: string }; object?: string; observedAt?: string }>;
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}
interface ActionRow {
  actionId: string;
  entityId: string;
  outcome: string;
  reason: string | null;
}
const json = async <T = Kv[]>(res: Response): Promise<T> => (await res.json()) as T;
const example = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/ngsi-ld', name), 'utf8'));
const shape = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

const patch = (id: string, body: unknown, actionId?: string): Promise<Response> =>
  fetch(`${base}/entities/${encodeURIComponent(id)}/attrs`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...(actionId === undefined ? {} : { 'X-Action-Id': actionId }) },
    body: JSON.stringify(body),
  });

const append = (id: string, body: unknown, actionId?: string): Promise<Response> =>
  fetch(`${base}/entities/${encodeURIComponent(id)}/attrs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(actionId === undefined ? {} : { 'X-Action-Id': actionId }) },
    body: JSON.stringify(body),
  });

const noteInstance = (id: string, text: string) => ({ type: 'Property', datasetId: `urn:ngsi-ld:Note:${id}`, value: { id, text, author: 'op7', at: START } });

const newIncident = (): string => {
  const found = [...emu.city.incidents.values()].find((i) => i.status === 'new' && !i.auto);
  if (found === undefined) throw new Error('no new incident');
  return found.id;
};

describe('NGSI-LD entities API', () => {
  it('pages with limit/offset and reports the total in NGSILD-Results-Count', async () => {
    const res = await fetch(`${base}/entities?type=TrafficFlowObserved&limit=50&offset=10&count=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('ngsild-results-count')).toBe(String(emu.city.graph.segments.length));
    const page = await json(res);
    expect(page).toHaveLength(50);
    expect(page[0]?.id).toBe('urn:ngsi-ld:TrafficFlowObserved:phuket:11');
    const dflt = await json(await fetch(`${base}/entities?type=Vehicle`));
    expect(dflt).toHaveLength(20);
    expect((await fetch(`${base}/entities?type=Vehicle&limit=1001`)).status).toBe(400);
    expect((await fetch(`${base}/entities`)).status).toBe(400);
  });

  it('serves keyValues with the attribute shapes of the official examples', async () => {
    for (const [type, file] of [['TrafficFlowObserved', 'TrafficFlowObserved.example.json'], ['Vehicle', 'Vehicle.example.json'], ['Alert', 'Alert.example.json']] as const) {
      const entity = (await json(await fetch(`${base}/entities?type=${type}&limit=1&options=keyValues`)))[0]!;
      const ref = example(file);
      const shared = Object.keys(entity).filter((k) => k in ref && k !== 'id');
      expect(shared.length).toBeGreaterThanOrEqual(type === 'Vehicle' ? 5 : 6);
      for (const k of shared) expect([k, shape(entity[k])]).toEqual([k, shape(ref[k])]);
      expect(entity.location.type).toBe(type === 'TrafficFlowObserved' ? 'LineString' : 'Point');
    }
  });

  it('serves normalized entities with Property, GeoProperty and Relationship attributes', async () => {
    const [traffic = {}] = await json<Norm[]>(await fetch(`${base}/entities?type=TrafficFlowObserved&limit=1`));
    expect(traffic['averageVehicleSpeed']).toEqual({ type: 'Property', value: expect.any(Number) });
    expect(traffic['location']?.type).toBe('GeoProperty');
    expect(traffic['location']?.value?.type).toBe('LineString');
    expect(traffic['refRoadSegment']).toEqual({ type: 'Relationship', object: 'urn:ngsi-ld:RoadSegment:phuket:1' });
    const busy = [...emu.city.units.values()].find((u) => u.incidentId !== null);
    const vehicle = await json<Norm>(await fetch(`${base}/entities/${encodeURIComponent(busy?.id ?? '')}`));
    expect(vehicle['assignedIncident']).toEqual({ type: 'Relationship', object: busy?.incidentId });
    expect(vehicle['location']?.observedAt).toMatch(/Z$/);
    const [alert = {}] = await json<Norm[]>(await fetch(`${base}/entities?type=Alert&limit=1`));
    expect(alert['status']?.type).toBe('Property');
    expect(alert['category']?.value).toMatch(/traffic|health|security|weather/);
  });

  it('negotiates JSON-LD: @context in the body for ld+json, a Link header for json', async () => {
    const ld = await fetch(`${base}/entities?type=Alert&limit=1`, { headers: { Accept: 'application/ld+json' } });
    expect(ld.headers.get('content-type')).toBe('application/ld+json');
    expect(ld.headers.get('link')).toBeNull();
    expect((await json(ld))[0]?.['@context']).toContain('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld');
    const plain = await fetch(`${base}/entities?type=Alert&limit=1`);
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(plain.headers.get('link')).toMatch(/^<https:\/\/.+context\.jsonld>; rel="http:\/\/www\.w3\.org\/ns\/json-ld#context"; type="application\/ld\+json"$/);
    expect((await json(plain))[0]?.['@context']).toBeUndefined();
  });

  it('filters with q (AND, value lists) and with georel near/within', async () => {
    const news = await json(await fetch(`${base}/entities?type=Alert&limit=100&options=keyValues&q=${encodeURIComponent('status=="new"')}`));
    expect(news.length).toBe([...emu.city.incidents.values()].filter((i) => i.status === 'new').length);
    expect(news.every((a: Kv) => a.status === 'new')).toBe(true);
    const q = encodeURIComponent('agency=="ems";unitStatus=="available","on-scene"');
    const ems = await json(await fetch(`${base}/entities?type=Vehicle&limit=100&options=keyValues&q=${q}`));
    expect(ems.length).toBeGreaterThan(0);
    expect(ems.every((v: Kv) => v.agency === 'ems' && ['available', 'on-scene'].includes(String(v.unitStatus)))).toBe(true);
    expect((await fetch(`${base}/entities?type=Alert&q=status~~x`)).status).toBe(400);

    const near = await json(await fetch(`${base}/entities?type=Vehicle&limit=100&options=keyValues&georel=near;maxDistance==3000&geometry=Point&coordinates=[98.296,7.896]`));
    expect(near.some((v: Kv) => v.station === 'Police Station Patong')).toBe(true);
    expect(near.every((v: Kv) => Math.abs(v.location.coordinates[0]! - 98.296) < 0.05)).toBe(true);
    const ring = encodeURIComponent(JSON.stringify([[[98.36, 7.86], [98.42, 7.86], [98.42, 7.92], [98.36, 7.92], [98.36, 7.86]]]));
    const town = await json(await fetch(`${base}/entities?type=Vehicle&limit=100&options=keyValues&georel=within&geometry=Polygon&coordinates=${ring}`));
    expect(town.length).toBeGreaterThan(0);
    expect(town.every((v: Kv) => v.location.coordinates[1]! > 7.86 && v.location.coordinates[1]! < 7.92)).toBe(true);
  });

  it('answers 404 with problem details for an unknown entity', async () => {
    const res = await fetch(`${base}/entities/${encodeURIComponent('urn:ngsi-ld:Alert:nope')}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await json<Problem>(res)).toMatchObject({ type: 'https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound', status: 404 });
  });

  it('creates an operator Alert and refuses a duplicate id with 409', async () => {
    const alert = {
      id: 'urn:ngsi-ld:Alert:console:0001',
      type: 'Alert',
      incidentType: { type: 'Property', value: 'medical' },
      severity: 'high',
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [98.3, 7.9] } },
      description: 'Walk-in report',
    };
    const post = () => fetch(`${base}/entities`, { method: 'POST', headers: { 'Content-Type': 'application/ld+json' }, body: JSON.stringify(alert) });
    const created = await post();
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/ngsi-ld/v1/entities/urn%3Angsi-ld%3AAlert%3Aconsole%3A0001');
    const got = await json<Kv>(await fetch(`${base}/entities/${encodeURIComponent(alert.id)}?options=keyValues`));
    expect(got).toMatchObject({ status: 'new', incidentType: 'medical', category: 'health', district: 'Patong' });
    const dup = await post();
    expect(dup.status).toBe(409);
    expect((await json<Problem>(dup)).type).toBe('https://uri.etsi.org/ngsi-ld/errors/AlreadyExists');
    const bad = await fetch(`${base}/entities`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...alert, id: 'urn:ngsi-ld:Alert:console:2', location: { type: 'Point', coordinates: [7.9, 98.3] } }) });
    expect(bad.status).toBe(400);
    expect((await json<Problem>(bad)).detail).toMatch(/within Phuket/);
  });

  it('rejects malformed and oversized bodies with 400 / 413', async () => {
    const id = newIncident();
    const garbled = await fetch(`${base}/entities/${encodeURIComponent(id)}/attrs`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":' });
    expect(garbled.status).toBe(400);
    expect((await patch(id, { status: 'on-fire' })).status).toBe(400);
    expect((await patch(id, { colour: 'red' })).status).toBe(400);
    const huge = await fetch(`${base}/entities/${encodeURIComponent(id)}/attrs`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'x'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it('enforces the incident lifecycle with problem details', async () => {
    const id = newIncident();
    const skip = await patch(id, { status: 'resolved' });
    expect(skip.status).toBe(409);
    expect((await json<Problem>(skip)).detail).toBe(`incident ${id} is new; cannot move it to resolved (allowed: acknowledged)`);
    expect((await patch(id, { status: { type: 'Property', value: 'acknowledged' } })).status).toBe(204);
    expect((await patch(id, { status: 'resolved' })).status).toBe(204);
    expect((await patch(id, { status: 'closed' })).status).toBe(204);
    const note = await patch(id, { notes: [{ id: 'n1', text: 'late info', author: 'op1', at: START }] });
    expect(note.status).toBe(409);
    expect(await json<Problem>(note)).toMatchObject({ status: 409, title: 'Lifecycle conflict', detail: expect.stringContaining(`incident ${id} is closed; cannot add a note`) });
    expect((await patch(id, { status: 'acknowledged' })).status).toBe(204);
    expect(emu.city.incidents.get(id)?.status).toBe('acknowledged');
  });

  it("lets another console's hand change an incident past an outage, under the same rules", async () => {
    const id = newIncident();
    const control = (body: unknown) =>
      fetch(`${emu.url}/emulator/incidents/${encodeURIComponent(id)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    emu.faults.outage = true;
    try {
      expect((await control({ status: 'resolved' })).status).toBe(409);
      expect((await control({ status: 'acknowledged' })).status).toBe(204);
    } finally {
      emu.faults.outage = false;
    }
    expect(emu.city.incidents.get(id)?.status).toBe('acknowledged');
  });

  it('appends notes by id and ignores a repeated note id', async () => {
    const id = newIncident();
    const n = { id: 'note-1', text: 'Caller speaks Russian', author: 'op7', at: START };
    expect((await patch(id, { notes: n })).status).toBe(204);
    expect((await patch(id, { notes: [n, { ...n, id: 'note-2' }] })).status).toBe(204);
    const got = await json<Kv>(await fetch(`${base}/entities/${encodeURIComponent(id)}?options=keyValues`));
    expect(got.notes.map((x) => x.id)).toEqual(['note-1', 'note-2']);
  });

  it('appends each note as its own instance of notes (POST …/attrs, datasetId), never replacing the others', async () => {
    const id = newIncident();
    const earlier = (emu.city.incidents.get(id)?.notes ?? []).map((n) => n.id);
    // A note another console (or the platform) added first must survive ours.
    expect((await append(id, { notes: noteInstance('theirs', 'from the other desk') })).status).toBe(204);
    expect((await append(id, { notes: noteInstance('mine', 'caller speaks Russian') }, 'append-note-1')).status).toBe(204);
    expect((await append(id, { notes: noteInstance('mine', 'caller speaks Russian') }, 'append-note-1')).status).toBe(204);
    const normalized = await json<Record<string, unknown>>(await fetch(`${base}/entities/${encodeURIComponent(id)}`));
    expect(normalized['notes']).toEqual([
      ...earlier.map((noteId) => expect.objectContaining({ type: 'Property', datasetId: `urn:ngsi-ld:Note:${noteId}` })),
      { type: 'Property', datasetId: 'urn:ngsi-ld:Note:theirs', value: { id: 'theirs', text: 'from the other desk', author: 'op7', at: START } },
      { type: 'Property', datasetId: 'urn:ngsi-ld:Note:mine', value: { id: 'mine', text: 'caller speaks Russian', author: 'op7', at: START } },
    ]);
    const kv = await json<Kv>(await fetch(`${base}/entities/${encodeURIComponent(id)}?options=keyValues`));
    expect(kv.notes.map((n) => n.id)).toEqual([...earlier, 'theirs', 'mine']);
    // A datasetId that does not name the note, or a note without one, is refused.
    expect((await append(id, { notes: { ...noteInstance('x', 't'), datasetId: 'urn:ngsi-ld:Note:y' } })).status).toBe(400);
    expect((await append(id, { notes: { type: 'Property', value: { id: 'z', text: 't', author: 'a', at: START } } })).status).toBe(400);
    expect((await append('urn:ngsi-ld:Alert:nowhere', { notes: noteInstance('q', 't') })).status).toBe(404);
  });

  it('reinforces a dispatched incident: the new units are added and the ones already there stay', async () => {
    const id = newIncident();
    const scene = emu.city.incidents.get(id)?.location ?? [0, 0];
    const [first, second] = [...emu.city.units.values()]
      .filter((u) => u.status === 'available' && u.agency !== 'marine-rescue')
      .sort((a, b) => haversineM(a.location, scene) - haversineM(b.location, scene));
    if (first === undefined || second === undefined) throw new Error('fixture lacks units');
    expect((await patch(id, { status: 'acknowledged' })).status).toBe(204);
    expect((await patch(id, { status: 'dispatched', assignedUnits: [first.id] })).status).toBe(204);
    // What a console sends for a second dispatch: the units the platform shows plus the new one, status dispatched again.
    expect((await patch(id, { status: 'dispatched', assignedUnits: [first.id, second.id] }, 'reinforce-1')).status).toBe(204);
    expect(emu.city.incidents.get(id)).toMatchObject({ status: 'dispatched', assignedUnits: [first.id, second.id] });
    expect(emu.city.units.get(first.id)).toMatchObject({ status: 'dispatched', incidentId: id });
    expect(emu.city.units.get(second.id)).toMatchObject({ status: 'dispatched', incidentId: id });
  });

  it('applies a repeated actionId once and logs applied then duplicate', async () => {
    const id = newIncident();
    const actionId = '01JQ4Z8Y6T3K9W2M5N7P0R1S2T';
    const note = { id: 'dup-note', text: 'x', author: 'op', at: START };
    expect((await patch(id, { status: 'acknowledged', notes: [note] }, actionId)).status).toBe(204);
    expect((await patch(id, { status: 'acknowledged', notes: [note] }, actionId)).status).toBe(204);
    expect(emu.city.incidents.get(id)?.status).toBe('acknowledged');
    // The body-attribute form is recognised as the same action.
    expect((await patch(id, { status: 'acknowledged', actionId })).status).toBe(204);
    const log = await json<ActionRow[]>(await fetch(`${emu.url}/emulator/actions`));
    const mine = log.filter((e) => e.actionId === actionId);
    expect(mine.map((e) => e.outcome)).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(mine[0]?.entityId).toBe(id);

    const refused = 'refused-action-1';
    expect((await patch(id, { status: 'closed' }, refused)).status).toBe(409);
    expect((await patch(id, { status: 'closed' }, refused)).status).toBe(409);
    const log2 = await json<ActionRow[]>(await fetch(`${emu.url}/emulator/actions`));
    expect(log2.filter((e) => e.actionId === refused).map((e) => e.outcome)).toEqual(['rejected', 'duplicate']);
    expect(log2.find((e) => e.actionId === refused)?.reason).toMatch(/cannot move it to closed/);
  });

  it('dispatches available units only, and the unit drives to the scene', async () => {
    const id = newIncident();
    const scene = emu.city.incidents.get(id)?.location ?? [0, 0];
    const unit = [...emu.city.units.values()]
      .filter((u) => u.status === 'available' && u.agency !== 'marine-rescue')
      .sort((a, b) => haversineM(a.location, scene) - haversineM(b.location, scene))[0];
    const busy = [...emu.city.units.values()].find((u) => u.status === 'dispatched' || u.status === 'on-scene');
    if (unit === undefined || busy === undefined) throw new Error('fixture lacks units');
    expect((await patch(id, { status: 'acknowledged' })).status).toBe(204);
    const refused = await patch(id, { status: 'dispatched', assignedUnits: [busy.id] });
    expect(refused.status).toBe(409);
    expect((await json<Problem>(refused)).detail).toMatch(new RegExp(`unit ${busy.callsign} is (dispatched|on-scene)`));
    expect((await patch(id, { status: 'dispatched', assignedUnits: ['urn:ngsi-ld:Vehicle:phuket:PKT-XXX-99'] })).status).toBe(422);
    expect((await patch(id, { status: 'dispatched' })).status).toBe(422);
    expect((await patch(id, { status: 'dispatched', assignedUnits: [unit.id] })).status).toBe(204);

    const vehicle = async (): Promise<Kv> => json<Kv>(await fetch(`${base}/entities/${encodeURIComponent(unit.id)}?options=keyValues`));
    const before = await vehicle();
    expect(before).toMatchObject({ unitStatus: 'dispatched', serviceStatus: 'onRoute', assignedIncident: id });
    emu.step(5);
    const moved = await vehicle();
    expect(moved.location.coordinates).not.toEqual(before.location.coordinates);
    for (let i = 0; i < 1000 && emu.city.units.get(unit.id)?.status === 'dispatched'; i++) emu.step(10);
    expect(await vehicle()).toMatchObject({ unitStatus: 'on-scene', speed: 0, heading: -1 });
    const alert = await json<Kv>(await fetch(`${base}/entities/${encodeURIComponent(id)}?options=keyValues`));
    expect(alert).toMatchObject({ status: 'on-scene', assignedUnits: [unit.id] });
  });

  it('refuses changes to measured traffic entities', async () => {
    expect((await patch('urn:ngsi-ld:TrafficFlowObserved:phuket:1', { averageVehicleSpeed: 5 })).status).toBe(422);
  });
});
