import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 12, startTime: '2025-03-04T01:00:00Z', autoTick: false, embeddedBroker: false });
});
afterAll(() => emu.close());

let made = 0;
async function newIncident(): Promise<string> {
  const id = `urn:ngsi-ld:Alert:phuket:run-${(made += 1)}`;
  const response = await fetch(`${emu.url}/ngsi-ld/v1/entities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, type: 'Alert', incidentType: 'fire', location: { type: 'Point', coordinates: [98.3, 7.9] } }),
  });
  expect(response.status).toBe(201);
  return id;
}

const instance = (id: string, datasetId = `urn:ngsi-ld:Note:${id}`) => ({ type: 'Property', datasetId, value: { id, text: `text ${id}`, author: 'Kanya', at: '2025-03-04T01:02:03Z' } });

async function append(incidentId: string, instances: unknown[], actionIds: string): Promise<Response> {
  return fetch(`${emu.url}/ngsi-ld/v1/entities/${encodeURIComponent(incidentId)}/attrs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Action-Id': actionIds },
    body: JSON.stringify({ notes: instances }),
  });
}

const logOf = (prefix: string) => emu.actions.entries.filter((e) => e.actionId.startsWith(prefix)).map((e) => [e.actionId, e.outcome]);

describe('a run of notes in one Append Entity Attributes', () => {
  it('applies and logs each instance as its own action, and answers a resent run with duplicates, each note kept once', async () => {
    const id = await newIncident();
    const instances = ['a1', 'a2', 'a3'].map((n) => instance(`${id}-${n}`));
    const ids = ['a1', 'a2', 'a3'].map((n) => `x-${n}`).join(', ');
    expect((await append(id, instances, ids)).status).toBe(204);
    expect((await append(id, instances, ids)).status).toBe(204);
    expect(logOf('x-a')).toEqual([
      ['x-a1', 'applied'],
      ['x-a2', 'applied'],
      ['x-a3', 'applied'],
      ['x-a1', 'duplicate'],
      ['x-a2', 'duplicate'],
      ['x-a3', 'duplicate'],
    ]);
    expect(emu.city.incidents.get(id)?.notes.map((n) => n.id)).toEqual(['a1', 'a2', 'a3'].map((n) => `${id}-${n}`));
  });

  it('refuses, with nothing applied or logged, a run whose ids do not match its instances or holds a bad instance', async () => {
    const id = await newIncident();
    const mismatch = await append(id, [instance('b1'), instance('b2')], 'y-b1,y-b2,y-b3');
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ detail: 'X-Action-Id lists 3 ids for 2 instances of notes' });
    const bad = await append(id, [instance('b1'), instance('b2', 'urn:ngsi-ld:Note:other')], 'y-b1,y-b2');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ detail: 'notes[1] is not a note instance with its datasetId' });
    expect(logOf('y-b')).toEqual([]);
    expect(emu.city.incidents.get(id)?.notes).toEqual([]);
  });

  it('answers 207 when only some of a run applied, each action keeping its own outcome', async () => {
    const id = await newIncident();
    expect((await append(id, [instance('c1')], 'z-c1')).status).toBe(204);
    const incident = emu.city.incidents.get(id);
    if (incident === undefined) throw new Error('incident gone');
    incident.status = 'closed';
    const mixed = await append(id, [instance('c1'), instance('c2')], 'z-c1,z-c2');
    expect(mixed.status).toBe(207);
    expect(await mixed.json()).toEqual({ updated: ['notes'], notUpdated: [{ attributeName: 'notes', reason: expect.stringMatching(/closed/) }] });
    expect(logOf('z-c')).toEqual([
      ['z-c1', 'applied'],
      ['z-c1', 'duplicate'],
      ['z-c2', 'rejected'],
    ]);
  });

  it('with the refuseBatches fault, takes one instance per request only', async () => {
    const id = await newIncident();
    emu.faults.refuseBatches = true;
    try {
      expect((await append(id, [instance('d1'), instance('d2')], 'w-d1,w-d2')).status).toBe(400);
      expect((await append(id, [instance('d1')], 'w-d1')).status).toBe(204);
    } finally {
      emu.faults.refuseBatches = false;
    }
    expect(logOf('w-d')).toEqual([['w-d1', 'applied']]);
  });
});
