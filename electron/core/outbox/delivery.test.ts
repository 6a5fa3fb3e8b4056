import { describe, expect, it } from 'vitest';
import type { ActionRequest } from '../../../shared/contract';
import { incidentFixture } from '../../../shared/domain/testing/fixtures';
import { PROBE_MS } from './deliveryGate';
import { outboxKit } from './testing/outboxKit';

const A = incidentFixture({ id: 'urn:ngsi-ld:Alert:phuket:A', status: 'acknowledged' });
const B = incidentFixture({ id: 'urn:ngsi-ld:Alert:phuket:B', status: 'acknowledged' });

describe('outbox delivery', () => {
  it.each([401, 403] as const)('holds the whole queue on %i: nothing refused, nothing lost, a slow probe, and all goes once credentials are accepted', async (status) => {
    const kit = await outboxKit([A, B]);
    let accepted = false;
    kit.control.answer = () => (accepted ? { kind: 'applied' } : { kind: 'unauthorized', status, reason: 'token expired' });
    await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'first' });
    await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'second' });
    await kit.service.perform({ kind: 'note', incidentId: B.id, text: 'third' });
    await kit.flush();
    const firstWave = kit.sent.length;
    // The first answer holds the queue: the actions queued after it are not sent.
    expect(firstWave).toBe(1);
    const hold = kit.service.view().hold;
    expect(hold).toMatchObject({ status, reason: 'token expired', since: kit.control.clock });
    const nextProbeAt = hold?.nextProbeAt ?? 0;
    expect(nextProbeAt - kit.control.clock).toBeGreaterThanOrEqual(PROBE_MS.minMs);
    expect(nextProbeAt - kit.control.clock).toBeLessThanOrEqual(PROBE_MS.maxMs);

    // Until the probe is due nothing is sent, however often the timer fires or the link comes back.
    for (let t = 0; t < PROBE_MS.minMs - 1000; t += 500) {
      kit.control.clock += 500;
      kit.service.tick();
      kit.service.linkRestored();
    }
    await kit.flush();
    expect(kit.sent).toHaveLength(firstWave);
    // Every action is still queued, untouched: no attempt was counted against it.
    expect(kit.service.view().entries.map((e) => [e.state, e.attempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);

    // One probe when due; still refused, so still held.
    kit.control.clock = nextProbeAt;
    kit.service.tick();
    kit.service.tick();
    await kit.flush();
    expect(kit.sent).toHaveLength(firstWave + 1);
    expect(kit.service.view().hold).not.toBeNull();

    // Credentials accepted: the next probe lifts the hold and the queue drains in order.
    accepted = true;
    kit.control.clock = kit.service.view().hold?.nextProbeAt ?? 0;
    kit.service.tick();
    await kit.flush();
    for (let n = 0; n < 3; n += 1) {
      kit.service.tick();
      await kit.flush();
    }
    expect(kit.service.view().hold).toBeNull();
    expect(kit.service.view().entries.map((e) => e.state)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(kit.store.rows.map((e) => e.state)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  });

  it('sends a refusal (404 for an unknown incident) to Needs attention with its reason, and goes on with the rest', async () => {
    const kit = await outboxKit([A, B]);
    kit.control.answer = (entry) => (entry.action.incidentId === A.id ? { kind: 'rejected', reason: 'the platform does not know incident A: no entity' } : { kind: 'applied' });
    await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'x' });
    await kit.service.perform({ kind: 'note', incidentId: B.id, text: 'y' });
    await kit.flush();
    expect(kit.service.view().entries.map((e) => [e.state, e.lastError])).toEqual([
      ['rejected', 'the platform does not know incident A: no entity'],
      ['confirmed', null],
    ]);
    expect(kit.service.view().hold).toBeNull();
  });

  it('backs off when the store cannot record a result: a handful of attempts in a minute, not a loop', async () => {
    const kit = await outboxKit([A]);
    kit.store.failUpdates = true;
    await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'kept whatever the disk does' });
    await kit.flush();
    // The timer fires every 100 ms for a minute of fake time.
    for (let t = 0; t < 60_000; t += 100) {
      kit.control.clock += 100;
      kit.service.tick();
      await kit.flush();
    }
    // Doubling from 1 s (jitter at its middle): about 1, 2, 4, 8, 16, 32 s apart.
    expect(kit.sent.length).toBeGreaterThanOrEqual(4);
    expect(kit.sent.length).toBeLessThanOrEqual(8);
    expect(kit.store.updateCalls).toBe(kit.sent.length);
    expect(kit.service.view().entries[0]).toMatchObject({ state: 'queued' });

    // The disk recovers: the next attempt is recorded and the action settles.
    kit.store.failUpdates = false;
    kit.control.clock += 60_000;
    kit.service.tick();
    await kit.flush();
    expect(kit.service.view().entries[0]).toMatchObject({ state: 'confirmed' });
    expect(kit.store.rows[0]).toMatchObject({ state: 'confirmed' });
  });

  it('queues one action for a double submit from the same state, by payload or by client request id', async () => {
    const kit = await outboxKit([A]);
    kit.control.answer = () => ({ kind: 'failed', reason: 'platform unreachable' });
    const first = await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'caller speaks Russian' });
    const second = await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'caller speaks Russian ' });
    expect(second.actionId).toBe(first.actionId);
    const dispatch: ActionRequest = { kind: 'dispatch', incidentId: A.id, unitIds: ['u2', 'u1'] };
    const sent = await kit.service.perform(dispatch);
    // The second click arrives after the first already moved the incident to dispatched: still the same action.
    expect(await kit.service.perform({ kind: 'dispatch', incidentId: A.id, unitIds: ['u1', 'u2'] })).toEqual(sent);
    const byId = await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'one', clientRequestId: 'req-7' });
    expect(await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'one', clientRequestId: 'req-7' })).toEqual(byId);
    expect(kit.store.rows).toHaveLength(3);
    // The same words later are a new note.
    kit.control.clock += 60_000;
    expect((await kit.service.perform({ kind: 'note', incidentId: A.id, text: 'caller speaks Russian' })).actionId).not.toBe(first.actionId);
    expect(kit.store.rows).toHaveLength(4);
  });

  it('sends a reinforcement as the union of the units the platform shows now and the new ones', async () => {
    const dispatched = incidentFixture({ id: A.id, status: 'dispatched', assignedUnitIds: ['u1'] });
    const kit = await outboxKit([dispatched]);
    await expect(kit.service.perform({ kind: 'dispatch', incidentId: A.id, unitIds: ['u2'] })).resolves.toMatchObject({ state: 'queued' });
    await kit.flush();
    expect(kit.sent[0]?.platform?.assignedUnitIds).toEqual(['u1']);
    expect(kit.service.view().entries[0]).toMatchObject({ state: 'confirmed' });
  });

  it('audits an action the core refuses, with the reason', async () => {
    const kit = await outboxKit([incidentFixture({ id: A.id, status: 'new' })]);
    await expect(kit.service.perform({ kind: 'status', incidentId: A.id, status: 'closed' })).rejects.toThrow(/cannot move to closed/);
    expect(kit.store.audits).toEqual([
      expect.objectContaining({ event: 'refused:status', before: { kind: 'status', incidentId: A.id, status: 'closed' }, after: { reason: expect.stringMatching(/cannot move to closed/) } }),
    ]);
  });
});
