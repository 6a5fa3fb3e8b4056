import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/contract';
import type { Incident, NewIncident, OutboxEntry } from '../../../shared/domain';
import { unitFixture } from '../../../shared/domain/testing/fixtures';
import { outboxKit } from './testing/outboxKit';
import { deliverAction, requestFor } from './transport';

const CALL: NewIncident = {
  type: 'drowning',
  severity: 'critical',
  position: [98.2963, 7.8961],
  description: 'Swimmer past the flags',
  district: 'Kathu',
  place: 'Patong',
  callerName: 'Anna',
  callerPhone: '+7 912 555 0101',
  callerLanguage: 'ru',
  callerNationality: 'RU',
  line: '1669',
};

function localKit() {
  const seeded: Incident[] = [];
  const timeline: [string, TimelineEvent][] = [];
  const unit = unitFixture('PKT-EMS-01', [98.3, 7.9], { status: 'available' });
  return {
    seeded,
    timeline,
    unit,
    local: { seedIncident: (i: Incident) => seeded.push(i), unit: (id: string) => (id === unit.id ? unit : undefined), timeline: (id: string, events: readonly TimelineEvent[]) => timeline.push(...events.map((e): [string, TimelineEvent] => [id, e])) },
  };
}

describe('taking a call', () => {
  it('creates the incident at once with a client id, queues it once, and records "created" from this console', async () => {
    const l = localKit();
    const kit = await outboxKit([], l.local);
    const accepted = await kit.service.perform({ kind: 'create', incident: CALL, clientRequestId: 'call-1' });
    expect(accepted.incidentId).toMatch(/^urn:ngsi-ld:Alert:[0-9a-f]{8}-[0-9a-f]{4}-7/);
    // Shown at once, and shown again while the live state (here a stand-in that never lists it) does not have it.
    expect(new Set(l.seeded.map((i) => JSON.stringify([i.id, i.status, i.type, i.reporterLanguage])))).toEqual(new Set([JSON.stringify([accepted.incidentId, 'new', 'drowning', 'ru'])]));
    expect(l.timeline.map(([id, e]) => [id, e.kind, e.origin, e.params?.['line']])).toEqual([[accepted.incidentId, 'created', 'console', '1669']]);
    // The same call submitted again (a double Enter) is the same incident.
    await expect(kit.service.perform({ kind: 'create', incident: CALL, clientRequestId: 'call-1' })).resolves.toMatchObject({ incidentId: accepted.incidentId });
    await kit.flush();
    expect(kit.store.rows.map((r) => [r.action.kind, r.state])).toEqual([['create', 'confirmed']]);
    expect(kit.sent).toHaveLength(1);
  });

  it('keeps SOP checks as this console\'s record: settled at once, never sent', async () => {
    const kit = await outboxKit();
    const incidentId = [...kit.incidents.keys()][0] ?? '';
    await kit.service.perform({ kind: 'sop-check', incidentId, sopId: 'drowning', version: 1, itemId: 'location', checked: true });
    kit.service.tick();
    await kit.flush();
    expect(kit.store.rows.map((r) => [r.action.kind, r.state])).toEqual([['sop-check', 'confirmed']]);
    expect(kit.sent).toEqual([]);
  });

  it('takes a unit out of service through the outbox, and refuses what the platform would refuse', async () => {
    const l = localKit();
    const kit = await outboxKit([], l.local);
    await kit.service.perform({ kind: 'unit-service', unitId: l.unit.id, status: 'out-of-service' });
    kit.service.tick();
    await kit.flush();
    expect(kit.sent.map((s) => [s.entry.action.kind, requestFor(s.entry, null).body])).toEqual([['unit-service', { unitStatus: 'out-of-service', serviceStatus: 'outOfService' }]]);
    await expect(kit.service.perform({ kind: 'unit-service', unitId: l.unit.id, status: 'available' })).rejects.toThrow(/already available/);
    await expect(kit.service.perform({ kind: 'unit-service', unitId: 'nobody', status: 'available' })).rejects.toThrow(/unknown unit/);
  });
});

describe('delivering a new incident', () => {
  const entry: OutboxEntry = {
    actionId: '01939b4c-0000-7000-8000-000000000001',
    seq: 1,
    action: { kind: 'create', incidentId: 'urn:ngsi-ld:Alert:01939b4c-0000-7000-8000-000000000002', incident: CALL },
    actor: { name: 'Niran', role: 'operator', workstation: 'CC-01' },
    createdAt: 1_700_000_000_000,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    settledAt: null,
  };
  const broker = { baseUrl: 'http://platform.test', tenant: null, token: null };
  const answering = (status: number, body: unknown = null) => {
    const seen: { url: string; method: string; body: unknown }[] = [];
    const fetchImpl: typeof fetch = (url, init) => {
      seen.push({ url: String(url), method: init?.method ?? 'GET', body: JSON.parse(String(init?.body)) });
      return Promise.resolve(new Response(body === null ? null : JSON.stringify(body), { status }));
    };
    return { seen, fetchImpl };
  };

  it('POSTs a Smart Data Model Alert with our attributes and the call, to /ngsi-ld/v1/entities', async () => {
    const platform = answering(201);
    await expect(deliverAction(broker, entry, null, platform.fetchImpl)).resolves.toEqual({ kind: 'applied' });
    expect(platform.seen[0]?.url).toBe('http://platform.test/ngsi-ld/v1/entities');
    expect(platform.seen[0]?.body).toMatchObject({
      id: entry.action.incidentId,
      type: 'Alert',
      category: { value: 'security' },
      subCategory: { value: 'drowning' },
      severity: { value: 'critical' },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [98.2963, 7.8961] } },
      incidentType: { value: 'drowning' },
      status: { value: 'new' },
      reporterLanguage: { value: 'ru' },
      callLine: { value: '1669' },
      callerPhone: { value: '+7 912 555 0101' },
    });
  });

  it('counts "already exists" for our own id as applied (an earlier attempt got through), and another conflict as refused', async () => {
    await expect(deliverAction(broker, entry, null, answering(409, { type: 'https://uri.etsi.org/ngsi-ld/errors/AlreadyExists', title: 'Already exists', detail: `entity ${entry.action.incidentId} already exists` }).fetchImpl)).resolves.toEqual({ kind: 'applied' });
    await expect(deliverAction(broker, entry, null, answering(409, { detail: 'lifecycle conflict' }).fetchImpl)).resolves.toEqual({ kind: 'rejected', reason: 'lifecycle conflict' });
  });
});
