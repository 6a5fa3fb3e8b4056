import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/emulator';
import type { Emulator } from '../../emulator/emulator';
import type { OperatorAction, OutboxEntry } from '../../shared/domain';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import { createNgsiActionDelivery, deliverAction, requestFor } from '../../electron/core/outbox/transport';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 5, startTime: '2025-03-04T01:00:00Z', autoTick: false });
});
afterAll(() => emu.close());

const actor = { name: 'Kanya', role: 'supervisor', workstation: 'CC-02' } as const;
const entryOf = (action: OperatorAction): OutboxEntry => ({
  actionId: uuidv7(),
  seq: 1,
  action,
  actor,
  createdAt: Date.UTC(2025, 2, 4, 1, 2, 3),
  state: 'queued',
  attempts: 0,
  nextAttemptAt: null,
  lastError: null,
  settledAt: null,
});
const broker = () => ({ baseUrl: emu.url, tenant: null, token: null });
const answering = (status: number, body = '') => () => Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));

function quietIncident(status: 'new' | 'acknowledged') {
  const found = [...emu.city.incidents.values()].find((i) => i.status === 'new' && !i.auto);
  if (found === undefined) throw new Error('no new incident in the fixture city');
  if (status === 'acknowledged') found.status = 'acknowledged';
  return found;
}

describe('delivering actions to an NGSI-LD platform', () => {
  it('appends a note as its own notes instance (POST …/attrs, datasetId urn:ngsi-ld:Note:<id>), keeping the notes already there', async () => {
    const incident = quietIncident('new');
    incident.notes.push({ id: 'platform-note', text: 'added elsewhere', author: 'dispatcher 2', at: '2025-03-04T01:00:00Z' });
    const entry = entryOf({ kind: 'note', incidentId: incident.id, noteId: 'n-42', text: 'caller speaks Russian' });
    expect(requestFor(entry, null)).toEqual({
      method: 'POST',
      body: { notes: { type: 'Property', datasetId: 'urn:ngsi-ld:Note:n-42', value: { id: 'n-42', text: 'caller speaks Russian', author: 'Kanya', at: '2025-03-04T01:02:03.000Z' } } },
    });
    expect(await deliverAction(broker(), entry, null)).toEqual({ kind: 'applied' });
    // Delivered again (at least once): the platform deduplicates, and the note is there once.
    expect(await deliverAction(broker(), entry, null)).toEqual({ kind: 'applied' });
    const got = (await (await fetch(`${emu.url}/ngsi-ld/v1/entities/${encodeURIComponent(incident.id)}`)).json()) as { notes: unknown };
    expect(got.notes).toEqual([
      { type: 'Property', datasetId: 'urn:ngsi-ld:Note:platform-note', value: { id: 'platform-note', text: 'added elsewhere', author: 'dispatcher 2', at: '2025-03-04T01:00:00Z' } },
      { type: 'Property', datasetId: 'urn:ngsi-ld:Note:n-42', value: { id: 'n-42', text: 'caller speaks Russian', author: 'Kanya', at: '2025-03-04T01:02:03.000Z' } },
    ]);
  });

  it('reinforces a dispatched incident: the units already assigned stay, the new one is added', async () => {
    const incident = quietIncident('acknowledged');
    const [first, second] = [...emu.city.units.values()].filter((u) => u.status === 'available' && u.agency !== 'marine-rescue');
    if (first === undefined || second === undefined) throw new Error('fixture lacks units');
    const dispatch = entryOf({ kind: 'dispatch', incidentId: incident.id, unitIds: [first.id] });
    expect(await deliverAction(broker(), dispatch, incidentFixture({ id: incident.id, status: 'acknowledged' }))).toEqual({ kind: 'applied' });
    // What the console sees of the platform when the second dispatch is sent.
    const platform = incidentFixture({ id: incident.id, status: 'dispatched', assignedUnitIds: [first.id] });
    const more = entryOf({ kind: 'dispatch', incidentId: incident.id, unitIds: [second.id] });
    expect(requestFor(more, platform)).toEqual({ method: 'PATCH', body: { assignedUnits: [first.id, second.id] } });
    // Through the outbox's delivery port, as the console sends it: the context carries the platform's units.
    const port = createNgsiActionDelivery(broker());
    expect(port.name).toBe(new URL(emu.url).host);
    expect(await port.deliver(more, { platform })).toEqual({ kind: 'applied' });
    expect(emu.city.incidents.get(incident.id)).toMatchObject({ status: 'dispatched', assignedUnits: [first.id, second.id] });
    expect(emu.city.units.get(first.id)?.incidentId).toBe(incident.id);
  });

  it('refuses for good with the reason on 404 (unknown incident)', async () => {
    const outcome = await deliverAction(broker(), entryOf({ kind: 'acknowledge', incidentId: 'urn:ngsi-ld:Alert:phuket:nowhere' }), null);
    expect(outcome).toEqual({ kind: 'rejected', reason: 'the platform does not know incident urn:ngsi-ld:Alert:phuket:nowhere: no entity urn:ngsi-ld:Alert:phuket:nowhere' });
  });

  it('reads 401 and 403 as refused credentials, not a refused action', async () => {
    const entry = entryOf({ kind: 'acknowledge', incidentId: 'urn:ngsi-ld:Alert:phuket:1' });
    expect(await deliverAction(broker(), entry, null, answering(401, '{"title":"Unauthorized","detail":"token expired"}'))).toEqual({ kind: 'unauthorized', status: 401, reason: 'token expired' });
    expect(await deliverAction(broker(), entry, null, answering(403))).toEqual({ kind: 'unauthorized', status: 403, reason: 'HTTP 403' });
    expect(await deliverAction(broker(), entry, null, answering(409, '{"detail":"lifecycle conflict"}'))).toEqual({ kind: 'rejected', reason: 'lifecycle conflict' });
  });
});
