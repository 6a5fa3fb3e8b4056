import Database from 'better-sqlite3';
import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { StoreFault } from './api';
import { StoreWorkerError } from './errors';
import { actionWrite, fakeIncident, OPERATOR } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';
import type { WorkerStore } from './store';
import { uuidv7 } from './uuidv7';

const { keeper, dir } = storeTestKit(afterEach);

async function queueSome(store: WorkerStore, count: number, text = 'x'): Promise<string[]> {
  let incident = fakeIncident(1);
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const write = actionWrite(uuidv7(), incident, { kind: 'note', incidentId: incident.id, noteId: `n${n}`, text: `${text} ${n}` }, 1000 + n);
    await store.recordAction(write);
    ids.push(write.entry.actionId);
    incident = write.after;
  }
  return ids;
}

describe('store worker', () => {
  it('fails pending calls cleanly when the worker dies, says so in the fault, and restarts it with the data intact', async () => {
    const store = await keeper.open(dir(), { restart: { baseMs: 50, capMs: 400 } });
    const [id] = await queueSome(store, 1);
    const faults: (StoreFault | null)[] = [];
    store.onFault((fault) => faults.push(fault));
    store.crashWorker();
    // Posted after the crash: the worker never answers it.
    const pending = store.outbox();
    // Whatever was waiting is rejected with the reason, not left hanging; so is a call while it is down.
    await expect(pending).rejects.toBeInstanceOf(StoreWorkerError);
    await expect(store.outbox()).rejects.toThrow(/stopped unexpectedly/);
    expect(faults[0]).toMatchObject({ code: 'worker-down', message: expect.stringMatching(/stopped unexpectedly .*restarting it in/) });
    await vi.waitFor(() => expect(store.restarts()).toBe(1), { timeout: 15_000, interval: 50 });
    expect(faults.at(-1)).toBeNull();
    expect(store.fault()).toBeNull();
    expect((await store.outbox()).map((e) => e.actionId)).toEqual([id]);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  }, 30_000);
});

const Page = z.object({ pageno: z.number().int() });

describe('journal recovery', () => {
  it('salvages the queued actions of a damaged journal and queues them again with their original ids', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    const ids = await queueSome(store, 40, 'a long note so the audit table spans many pages '.repeat(20));
    await store.updateDelivery(ids[0] ?? '', { state: 'confirmed', attempts: 1, nextAttemptAt: null, lastError: null, settledAt: 5000 }, OPERATOR);
    await store.close();

    // Damage a page of the audit table only: quick_check fails, the outbox pages stay readable.
    const file = join(folder, 'journal.db');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const page = Page.parse(db.prepare("SELECT pageno FROM dbstat WHERE name = 'audit' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3").get()).pageno;
    const pageSize = z.number().parse(db.pragma('page_size', { simple: true }));
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);

    const again = await keeper.open(folder);
    const outbox = await again.outbox();
    // Every action still queued came back, with its own id (the platform deduplicates by it); the settled one did not.
    expect(outbox.map((e) => e.actionId)).toEqual(ids.slice(1));
    expect(outbox.every((e) => e.state === 'queued')).toBe(true);
    expect(await again.verifyAudit()).toEqual({ ok: true, records: 40, firstBroken: null });
  }, 60_000);

  it('reports how many actions it recovered in the open report', async () => {
    const folder = dir();
    const store = await keeper.open(folder);
    await queueSome(store, 30, 'padding '.repeat(200));
    await store.close();
    const file = join(folder, 'journal.db');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const page = Page.parse(db.prepare("SELECT pageno FROM dbstat WHERE name = 'audit' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2").get()).pageno;
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096);
    closeSync(fd);
    const { createStore } = await import('./store');
    const reopened = createStore({ dir: folder });
    try {
      const report = await reopened.open();
      expect(report.recovered).toEqual([expect.objectContaining({ file, recoveredActions: 30 })]);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
