import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHUKET_MARGIN, UnitStatus } from '../../shared/domain';
import { patchAlert } from '../city/commands';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { TestSocket } from './testClient';

let emu: Emulator;
let wsUrl: string;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  emu = await startEmulator({ seed: 21, startTime: '2025-03-04T05:00:00Z', autoTick: false });
  wsUrl = `${emu.url.replace('http', 'ws')}/ngsi-ld/v1/notifications/ws`;
  // A unit on a long drive guarantees Vehicle changes on every step.
  const incident = [...emu.city.incidents.values()].find((i) => i.status === 'new');
  const unit = [...emu.city.units.values()].find((u) => u.status === 'available' && u.agency === 'ems');
  if (incident === undefined || unit === undefined) throw new Error('fixture lacks a new incident or a free ambulance');
  incident.location = [98.31, 8.11];
  patchAlert(emu.city, incident.id, { status: 'acknowledged' });
  patchAlert(emu.city, incident.id, { status: 'dispatched', assignedUnits: [unit.id] });
  emu.city.drainChanged();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await emu.close();
});

const open = async (query = ''): Promise<TestSocket> => {
  const s = await TestSocket.open(`${wsUrl}${query}`);
  sockets.push(s);
  return s;
};
const faults = (body: unknown): Promise<Response> =>
  fetch(`${emu.url}/emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const moving = (): boolean => [...emu.city.units.values()].some((u) => u.legs.length > 0);

interface Kv {
  type: string;
  location: { coordinates: number[] };
  [attr: string]: unknown;
}
interface Notification {
  id: string;
  type: string;
  subscriptionId: string;
  notifiedAt: string;
  seq: number;
  data: Kv[];
}
const nextNotification = async (s: TestSocket): Promise<Notification> => (await s.next()) as Notification;

describe('notifications WebSocket', () => {
  it('pushes NGSI-LD Notifications with an increasing seq, filtered by type', async () => {
    expect(moving()).toBe(true);
    const s = await open('?type=Vehicle&options=keyValues');
    const seen: Notification[] = [];
    for (let i = 0; i < 3; i++) {
      emu.step(2);
      seen.push(await nextNotification(s));
    }
    expect(seen.map((n) => n.seq)).toEqual([1, 2, 3]);
    for (const n of seen) {
      expect(n).toMatchObject({ type: 'Notification', subscriptionId: 'urn:ngsi-ld:Subscription:console' });
      expect(n.id).toMatch(/^urn:ngsi-ld:Notification:\d+$/);
      expect(n.data.length).toBeGreaterThan(0);
      expect(n.data.every((e) => e.type === 'Vehicle' && Array.isArray(e.location.coordinates))).toBe(true);
    }
  });

  it('sends an Alert change as soon as the PATCH is accepted, in normalized form by default', async () => {
    const s = await open('?type=Alert');
    const incident = [...emu.city.incidents.values()].find((i) => i.status === 'new');
    if (incident === undefined) throw new Error('no new incident');
    const res = await fetch(`${emu.url}/ngsi-ld/v1/entities/${encodeURIComponent(incident.id)}/attrs`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'acknowledged' }),
    });
    expect(res.status).toBe(204);
    const n = await nextNotification(s);
    expect(n.data).toHaveLength(1);
    expect(n.data[0]).toMatchObject({ id: incident.id, status: { type: 'Property', value: 'acknowledged' } });
  });

  it('sends traffic only for segments whose reading changed', async () => {
    const s = await open('?type=TrafficFlowObserved');
    emu.step(10);
    const n = await nextNotification(s);
    expect(n.data.length).toBeGreaterThan(0);
    expect(n.data.length).toBeLessThan(emu.city.graph.segments.length);
  });

  it('dropStream closes every notification socket once', async () => {
    const s = await open();
    expect((await faults({ dropStream: true })).status).toBe(200);
    expect(await s.closed).toBe(1012);
    expect(await (await fetch(`${emu.url}/emulator/faults`)).json()).toEqual({ outage: false, http503: false, stall: false, malformed: false });
    await open();
  });

  it('outage drops connections and refuses new ones, control stays up, and it recovers', async () => {
    const s = await open();
    expect((await faults({ outage: true })).status).toBe(200);
    await s.closed;
    await expect(open()).rejects.toThrow();
    await expect(fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert`)).rejects.toThrow();
    expect(await (await fetch(`${emu.url}/emulator/faults`)).json()).toMatchObject({ outage: true });
    await faults({ outage: false });
    expect((await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert`)).status).toBe(200);
    const again = await open('?type=Vehicle');
    emu.step(2);
    expect((await nextNotification(again)).seq).toBe(1);
  });

  it('http503 answers 503 with Retry-After and refuses the stream', async () => {
    await faults({ http503: true });
    const res = await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    await expect(open()).rejects.toThrow(/503/);
    await faults({ http503: false });
    expect((await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert`)).status).toBe(200);
  });

  it('stall leaves requests unanswered and holds notifications until it ends', async () => {
    const s = await open('?type=Vehicle');
    await faults({ stall: true });
    const abort = new AbortController();
    const stalled = fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert`, { signal: abort.signal }).then(() => 'answered', () => 'aborted');
    emu.step(2);
    const control = fetch(`${emu.url}/emulator/status`).then(() => 'control');
    expect(await Promise.race([stalled, control])).toBe('control');
    expect(s.messages).toHaveLength(0);
    await faults({ stall: false });
    emu.step(2);
    const n = await nextNotification(s);
    expect(n.seq).toBe(1);
    abort.abort();
    expect(await stalled).toBe('aborted');
  });

  it('malformed mode mixes invalid entities among good ones, in GET and in notifications', async () => {
    await faults({ malformed: true });
    const valid = (v: Kv): boolean => {
      const [lon = NaN, lat = NaN] = v.location.coordinates;
      const inside = lon >= PHUKET_MARGIN.west && lon <= PHUKET_MARGIN.east && lat >= PHUKET_MARGIN.south && lat <= PHUKET_MARGIN.north;
      return inside && UnitStatus.safeParse(v['unitStatus']).success && String(v['description'] ?? '').length < 10_000;
    };
    const list = (await (await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Vehicle&limit=40&options=keyValues`)).json()) as Kv[];
    const bad = list.filter((v) => !valid(v));
    expect(bad.length).toBeGreaterThanOrEqual(8);
    expect(list.length - bad.length).toBeGreaterThan(bad.length);
    const kinds = new Set(bad.map((v) => (v.location.coordinates[0] === 999 ? 'range' : v.location.coordinates[0]! < 50 ? 'swapped' : v['unitStatus'] === 'teleporting' ? 'enum' : 'huge')));
    expect(kinds).toEqual(new Set(['range', 'swapped', 'enum', 'huge']));

    const s = await open('?type=Vehicle&options=keyValues');
    emu.step(2);
    const n = await nextNotification(s);
    expect(n.data.some((v) => !valid(v))).toBe(true);
  });
});
