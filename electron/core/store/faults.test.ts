import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreFault } from './api';
import { StoreWriteError } from './errors';
import { classifyFault } from './faults';
import { actionWrite, fakeIncident, fakeUnit, observe } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';
import { uuidv7 } from './uuidv7';

const { keeper, dir } = storeTestKit(afterEach);
const batch = (from: number, count: number) => Array.from({ length: count }, (_, n) => observe(fakeUnit(from + n, 1000), 2000));

describe('classifyFault', () => {
  const sqlite = (code: string) => new Database.SqliteError('boom', code);
  it.each([
    ['SQLITE_FULL', 'disk-full', /^the disk is full: could not save/],
    ['SQLITE_READONLY', 'read-only', /^the database is read-only/],
    ['SQLITE_READONLY_DBMOVED', 'read-only', /read-only/],
    ['SQLITE_IOERR_WRITE', 'io-error', /read\/write error.*SQLITE_IOERR_WRITE/],
    ['SQLITE_BUSY', 'busy', /busy/],
    ['SQLITE_LOCKED', 'busy', /busy/],
  ])('%s is %s', (code, expected, message) => {
    const fault = classifyFault(sqlite(code), 'save observations');
    expect(fault?.code).toBe(expected);
    expect(fault?.message).toMatch(message);
  });
  it('is not a disk fault when the input was refused or the code is at fault', () => {
    expect(classifyFault(sqlite('SQLITE_CONSTRAINT_UNIQUE'), 'x')).toBeNull();
    expect(classifyFault(new TypeError('x'), 'x')).toBeNull();
  });
});

describe('disk faults', () => {
  it('disk full: the write rejects, fault() and listeners say so, nothing already stored is lost, and the next good write clears it', async () => {
    const store = await keeper.open(dir(), { now: () => 42 });
    const heard: Array<StoreFault | null> = [];
    store.onFault((fault) => heard.push(fault));
    await store.appendObservations(batch(0, 100));
    const incident = fakeIncident(1);
    const first = actionWrite(uuidv7(), incident, { kind: 'acknowledge', incidentId: incident.id }, 1000);
    await store.recordAction(first);

    // Cap both files at their present size: the next write that needs a page fails as on a full disk.
    await store.limitPages('cache', 1);
    await store.limitPages('journal', 1);
    const failed = store.appendObservations(batch(1000, 2000));
    await expect(failed).rejects.toThrow(StoreWriteError);
    await expect(failed).rejects.toThrow(/^the disk is full: could not save observations/);
    expect(store.fault()).toEqual({ code: 'disk-full', message: expect.stringMatching(/^the disk is full/), at: 42 });
    const note = actionWrite(uuidv7(), first.after, { kind: 'note', incidentId: incident.id, noteId: 'n', text: 'x'.repeat(4000) }, 1001);
    let journalFull = 0;
    for (let n = 0; n < 50; n += 1) {
      const attempt = await store.recordAction({ ...note, entry: { ...note.entry, actionId: uuidv7() } }).then(
        () => null,
        (error: unknown) => error,
      );
      if (attempt instanceof StoreWriteError) {
        journalFull += 1;
        break;
      }
    }
    expect(journalFull).toBe(1);
    expect(heard).toHaveLength(1);

    expect(await store.countObservations()).toBe(100);
    expect((await store.loadLatest()).items).toHaveLength(100);
    expect((await store.outbox())[0]?.actionId).toBe(first.entry.actionId);
    expect((await store.verifyAudit()).ok).toBe(true);

    await store.limitPages('cache', 1_000_000);
    await store.appendObservations(batch(5000, 10));
    expect(store.fault()).toBeNull();
    expect(heard).toEqual([expect.objectContaining({ code: 'disk-full' }), null]);
    expect(await store.countObservations()).toBe(110);
  });

  it('read-only: writes reject with a read-only fault and what was stored stays readable', async () => {
    const folder = dir();
    const writer = await keeper.open(folder);
    await writer.appendObservations(batch(0, 10));
    const incident = fakeIncident(2);
    await writer.recordAction(actionWrite(uuidv7(), incident, { kind: 'acknowledge', incidentId: incident.id }, 1000));
    await writer.close();

    // Tests run as root, where chmod does not stop writes: open the files read-only instead.
    const store = await keeper.open(folder, { testing: { readOnly: true } });
    await expect(store.appendObservations(batch(100, 1))).rejects.toThrow(/^the database is read-only: could not save observations/);
    expect(store.fault()?.code).toBe('read-only');
    await expect(store.recordAction(actionWrite(uuidv7(), incident, { kind: 'note', incidentId: incident.id, noteId: 'n', text: 't' }, 1001))).rejects.toThrow(
      /^the database is read-only: could not record the action/,
    );
    expect(await store.countObservations()).toBe(10);
    expect(await store.outbox()).toHaveLength(1);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, records: 1 });
  });

  it('busy: another program holding the write lock makes the write fail as busy, and it clears once the lock is gone', async () => {
    const folder = dir();
    const store = await keeper.open(folder, { testing: { busyTimeoutMs: 20 } });
    const other = new Database(join(folder, 'cache.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.appendObservations(batch(0, 1))).rejects.toThrow(/^the database is busy/);
      expect(store.fault()?.code).toBe('busy');
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    await store.appendObservations(batch(0, 1));
    expect(store.fault()).toBeNull();
  });
});
