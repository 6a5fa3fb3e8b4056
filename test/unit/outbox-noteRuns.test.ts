import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/emulator';
import type { Emulator } from '../../emulator/emulator';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import { createActionService } from '../../electron/core/outbox/actionService';
import type { ActionService } from '../../electron/core/outbox/actionService';
import { MemoryOutboxStore, SUPERVISOR } from '../../electron/core/outbox/testing/outboxKit';
import { createNgsiActionDelivery } from '../../electron/core/outbox/transport';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 5, startTime: '2025-03-04T01:00:00Z', autoTick: false, embeddedBroker: false });
});
afterAll(() => emu.close());

/** What reached the platform: method, path, the X-Action-Id header and how many notes instances the body held. */
interface Sent {
  readonly method: string;
  readonly ids: string[];
  readonly instances: number;
}

/**
 * A console's action service wired to the emulator through the real NGSI-LD transport, behind a fetch that can be
 * cut (`online`), or made to lose the reply of the next request after the platform has applied it (`loseNextReply`).
 */
let made = 0;
async function rig() {
  const id = `urn:ngsi-ld:Alert:phuket:note-runs-${(made += 1)}`;
  const created = await fetch(`${emu.url}/ngsi-ld/v1/entities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, type: 'Alert', incidentType: 'medical', severity: 'high', location: { type: 'Point', coordinates: [98.3, 7.9] } }),
  });
  const incident = emu.city.incidents.get(id);
  if (created.status !== 201 || incident === undefined) throw new Error(`the emulator did not create ${id}: ${created.status}`);
  incident.status = 'acknowledged';
  const link = { online: false, loseNextReply: false };
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    if (!link.online) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    const body: unknown = JSON.parse(typeof init?.body === 'string' ? init.body : '{}');
    const notes = typeof body === 'object' && body !== null && 'notes' in body ? body.notes : undefined;
    const header = new Headers(init?.headers).get('x-action-id') ?? '';
    sent.push({ method: init?.method ?? 'GET', ids: header.split(','), instances: Array.isArray(notes) ? notes.length : notes === undefined ? 0 : 1 });
    const response = await fetch(input, init);
    if (!link.loseNextReply) return response;
    link.loseNextReply = false;
    await response.body?.cancel();
    throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
  };
  const store = new MemoryOutboxStore();
  const platform = () => incidentFixture({ id: incident.id, status: incident.status });
  const service: ActionService = createActionService({
    store,
    live: { platformIncident: (id) => (id === incident.id ? platform() : undefined), platformUpdatedAt: () => 0, setIncidentView: () => undefined, refreshIncident: () => undefined },
    delivery: createNgsiActionDelivery({ baseUrl: emu.url, tenant: null, token: null }, fetchImpl),
    profile: SUPERVISOR,
    events: { emit: () => undefined },
    newId: () => uuidv7(),
    random: () => 0.5,
    tickMs: 3_600_000,
  });
  await service.start();
  const queue = async (actions: readonly ({ kind: 'note'; text: string } | { kind: 'status'; status: 'resolved' })[]) => {
    const ids: string[] = [];
    for (const a of actions) ids.push((await service.perform({ ...a, incidentId: incident.id })).actionId);
    return ids;
  };
  /**
   * Every action settled in the store, or a clear failure after a deadline. Each look says again that the link is
   * back: an attempt that failed just as it came back leaves its run in backoff, which the console's timer would
   * wait out (a second or two), not this test.
   */
  const drained = async () => {
    const deadline = Date.now() + 10_000;
    while (store.rows.some((r) => r.state === 'queued')) {
      service.linkRestored();
      if (Date.now() > deadline) throw new Error(`still queued: ${store.rows.filter((r) => r.state === 'queued').length}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  /** The emulator's log for these actions: [actionId, outcome] in the order it received them. */
  const logOf = (ids: readonly string[]) => emu.actions.entries.filter((e) => ids.includes(e.actionId)).map((e) => [e.actionId, e.outcome]);
  const online = async () => {
    link.online = true;
    await drained();
  };
  return { incident, link, sent, store, service, queue, online, logOf, close: () => service.stop() };
}

const notes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ kind: 'note' as const, text: `note ${from + i}` }));

describe('a run of queued notes as one NGSI-LD append', () => {
  it('sends consecutive notes of an incident as requests of up to NOTE_RUN_MAX instances; each applied once, in order', async () => {
    const r = await rig();
    const ids = await r.queue(notes(120));
    r.sent.length = 0;
    await r.online();
    expect(r.sent.map((s) => [s.method, s.instances])).toEqual([['POST', 50], ['POST', 50], ['POST', 20]]);
    expect(r.sent.flatMap((s) => s.ids)).toEqual(ids);
    expect(r.logOf(ids)).toEqual(ids.map((id) => [id, 'applied']));
    expect(r.incident.notes.map((n) => n.text)).toEqual(notes(120).map((n) => n.text));
    // The first note was tried once while the link was down.
    expect(r.store.rows.map((row) => [row.state, row.attempts])).toEqual(ids.map((_, i) => ['confirmed', i === 0 ? 2 : 1]));
    r.close();
  });

  it('applies each note exactly once when the reply to a run is lost and the run is sent again', async () => {
    const r = await rig();
    const ids = await r.queue(notes(30));
    r.sent.length = 0;
    r.link.loseNextReply = true;
    r.link.online = true;
    r.service.linkRestored();
    // The first run was applied but its answer lost: once that failure is recorded, every action is still queued.
    const lost = () => r.store.rows.every((row) => row.lastError?.includes('socket hang up') === true);
    const deadline = Date.now() + 10_000;
    while (!lost() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(r.logOf(ids)).toEqual(ids.map((id) => [id, 'applied']));
    expect(r.store.rows.filter((row) => row.state === 'queued')).toHaveLength(30);
    await r.online();
    expect(r.sent.map((s) => s.instances)).toEqual([30, 30]);
    // The platform's log: each applied once, then each reported as a duplicate of the retry; no note twice.
    expect(r.logOf(ids)).toEqual([...ids.map((id) => [id, 'applied']), ...ids.map((id) => [id, 'duplicate'])]);
    expect(r.incident.notes).toHaveLength(30);
    expect(r.store.rows.map((row) => [row.state, row.attempts])).toEqual(ids.map((_, i) => ['confirmed', i === 0 ? 3 : 2]));
    r.close();
  });

  it('never carries a note past another action: notes, a status change, notes go as run, PATCH, run, in that order', async () => {
    const r = await rig();
    const ids = await r.queue([...notes(3), { kind: 'status', status: 'resolved' }, ...notes(2, 3)]);
    r.sent.length = 0;
    await r.online();
    expect(r.sent.map((s) => [s.method, s.ids.length])).toEqual([['POST', 3], ['PATCH', 1], ['POST', 2]]);
    expect(r.logOf(ids)).toEqual(ids.map((id) => [id, 'applied']));
    expect(r.incident.status).toBe('resolved');
    expect(r.incident.notes.map((n) => n.text)).toEqual(['note 0', 'note 1', 'note 2', 'note 3', 'note 4']);
    r.close();
  });

  it('falls back to one note per request when the platform refuses a run (400), and nothing of the refused run is logged', async () => {
    const r = await rig();
    const ids = await r.queue(notes(5));
    r.sent.length = 0;
    emu.faults.refuseBatches = true;
    try {
      await r.online();
    } finally {
      emu.faults.refuseBatches = false;
    }
    expect(r.sent.map((s) => s.instances)).toEqual([5, 1, 1, 1, 1, 1]);
    expect(r.sent.slice(1).map((s) => s.ids[0])).toEqual(ids);
    expect(r.logOf(ids)).toEqual(ids.map((id) => [id, 'applied']));
    expect(r.incident.notes.map((n) => n.text)).toEqual(notes(5).map((n) => n.text));
    // Notes queued (offline) after the refusal go as a run again.
    r.link.online = false;
    await r.queue(notes(3, 5));
    await r.online();
    expect(r.sent.at(-1)?.instances).toBe(3);
    r.close();
  });

  it('leaves every action of a run queued, to be asked one by one, when the platform applied only some (207)', async () => {
    const r = await rig();
    const ids = await r.queue(notes(4));
    // Another console closes the incident after two of the notes reached it: the other two are refused for good.
    const [first, second] = ids;
    emu.actions.run(first ?? '', r.incident.id, 'POST', () => ({ status: 204 }));
    emu.actions.run(second ?? '', r.incident.id, 'POST', () => ({ status: 204 }));
    r.incident.status = 'closed';
    r.sent.length = 0;
    await r.online();
    expect(r.sent.map((s) => s.instances)).toEqual([4, 1, 1, 1, 1]);
    expect(r.store.rows.map((row) => row.state)).toEqual(['confirmed', 'confirmed', 'rejected', 'rejected']);
    expect(r.store.rows[2]?.lastError).toMatch(/closed/);
    r.close();
  });
});
