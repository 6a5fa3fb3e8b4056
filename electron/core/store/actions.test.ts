import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorProfile } from '../../../shared/domain';
import { actionWrite, fakeIncident, OPERATOR } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';
import { uuidv7 } from './uuidv7';

const SUPERVISOR: OperatorProfile = { name: 'Malee K.', role: 'supervisor', workstation: 'desk-1' };
const { keeper, dir } = storeTestKit(afterEach);
function auditEvents(folder: string) {
  const db = new Database(join(folder, 'journal.db'), { readonly: true });
  try {
    return db.prepare('SELECT seq, action_id AS actionId, event FROM audit ORDER BY seq').all();
  } finally {
    db.close();
  }
}

describe('actions', () => {
  it('writes local state, outbox entry and audit record together; seq comes from the table', async () => {
    const folder = dir();
    const store = await keeper.open(folder, { now: () => 5000 });
    const incident = fakeIncident(1);
    const first = actionWrite(uuidv7(), incident, { kind: 'acknowledge', incidentId: incident.id }, 1000);
    const second = actionWrite(uuidv7(), first.after, { kind: 'note', incidentId: incident.id, noteId: 'n1', text: 'caller on scene' }, 1001);
    await store.recordAction({ ...first, entry: { ...first.entry, seq: 99 } });
    await store.recordAction(second);

    const outbox = await store.outbox();
    expect(outbox.map((entry) => [entry.seq, entry.actionId])).toEqual([
      [1, first.entry.actionId],
      [2, second.entry.actionId],
    ]);
    expect(outbox[0]).toEqual({ ...first.entry, seq: 1 });
    expect(await store.localIncidents()).toEqual([second.after]);
    expect(auditEvents(folder)).toEqual([
      { seq: 1, actionId: first.entry.actionId, event: 'acknowledge' },
      { seq: 2, actionId: second.entry.actionId, event: 'note' },
    ]);
  });

  it('refuses a duplicate action id with a clear error and writes nothing for it', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    const incident = fakeIncident(2);
    const write = actionWrite(uuidv7(), incident, { kind: 'acknowledge', incidentId: incident.id }, 1000);
    await store.recordAction(write);
    const again = { ...write, after: { ...write.after, description: 'changed' } };
    await expect(store.recordAction(again)).rejects.toThrow(`action ${write.entry.actionId} is already in the outbox`);
    expect(await store.outbox()).toHaveLength(1);
    expect(await store.localIncidents()).toEqual([write.after]);
    expect(auditEvents(folder)).toHaveLength(1);
  });

  it('audits settling but not retries, and drops the local state once no action of the incident is unsettled', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    const incident = fakeIncident(3);
    const ack = actionWrite(uuidv7(), incident, { kind: 'acknowledge', incidentId: incident.id }, 1000);
    const dispatch = actionWrite(uuidv7(), ack.after, { kind: 'dispatch', incidentId: incident.id, unitIds: ['u1'] }, 1001);
    await store.recordAction(ack);
    await store.recordAction(dispatch);

    await store.updateDelivery(ack.entry.actionId, { state: 'queued', attempts: 1, nextAttemptAt: 3000, lastError: 'timeout', settledAt: null }, OPERATOR);
    expect((await store.outbox())[0]).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: 3000, lastError: 'timeout' });
    expect(auditEvents(folder)).toHaveLength(2);

    await store.updateDelivery(ack.entry.actionId, { state: 'confirmed', attempts: 2, nextAttemptAt: null, lastError: null, settledAt: 4000 }, OPERATOR);
    expect(await store.localIncidents()).toEqual([dispatch.after]);

    await store.updateDelivery(dispatch.entry.actionId, { state: 'rejected', attempts: 1, nextAttemptAt: null, lastError: 'unit busy', settledAt: 4100 }, SUPERVISOR);
    expect(await store.localIncidents()).toEqual([]);
    expect(auditEvents(folder).map((row) => (row as { event: string }).event)).toEqual(['acknowledge', 'dispatch', 'delivery:confirmed', 'delivery:rejected']);
    expect((await store.outbox()).map((entry) => entry.state)).toEqual(['confirmed', 'rejected']);
    expect(await store.verifyAudit()).toEqual({ ok: true, records: 4, firstBroken: null });
  });

  it('refuses to change a settled delivery or one that does not exist', async () => {
    const store = await keeper.open(dir());
    const incident = fakeIncident(4);
    const write = actionWrite(uuidv7(), incident, { kind: 'status', incidentId: incident.id, status: 'acknowledged' }, 1000);
    await store.recordAction(write);
    const confirmed = { state: 'confirmed', attempts: 1, nextAttemptAt: null, lastError: null, settledAt: 2000 } as const;
    await store.updateDelivery(write.entry.actionId, confirmed, OPERATOR);
    await expect(store.updateDelivery(write.entry.actionId, { ...confirmed, state: 'rejected' }, OPERATOR)).rejects.toThrow('is already confirmed');
    await expect(store.updateDelivery(uuidv7(), confirmed, OPERATOR)).rejects.toThrow('no outbox entry');
    expect(await store.verifyAudit()).toMatchObject({ ok: true, records: 2 });
  });

  it('records delivery results sent together in one group commit, each answered on its own, a bad one refused alone', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    const writes = Array.from({ length: 30 }, (_, i) => actionWrite(uuidv7(), fakeIncident(10 + i), { kind: 'acknowledge', incidentId: fakeIncident(10 + i).id }, 1000 + i));
    for (const write of writes) await store.recordAction(write);
    const confirmed = (n: number) => ({ state: 'confirmed', attempts: 1, nextAttemptAt: null, lastError: null, settledAt: 2000 + n }) as const;
    const results = await Promise.allSettled([
      ...writes.map((w, n) => store.updateDelivery(w.entry.actionId, confirmed(n), OPERATOR)),
      store.updateDelivery(uuidv7(), confirmed(99), OPERATOR),
    ]);
    expect(results.slice(0, 30).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results[30]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/no outbox entry/) }) });
    expect((await store.outbox()).every((e) => e.state === 'confirmed')).toBe(true);
    const events = auditEvents(folder).filter((e: unknown) => typeof e === 'object' && e !== null && 'event' in e && e.event === 'delivery:confirmed');
    expect(events).toHaveLength(30);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, records: 60 });
  });

  it('refuses an action whose after is about another incident', async () => {
    const store = await keeper.open(dir());
    const write = actionWrite(uuidv7(), fakeIncident(5), { kind: 'acknowledge', incidentId: fakeIncident(5).id }, 1000);
    await expect(store.recordAction({ ...write, after: fakeIncident(6) })).rejects.toThrow(/same incident/);
    expect(await store.outbox()).toEqual([]);
  });
});
