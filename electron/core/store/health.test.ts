import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connection';
import { CACHE_DB, JOURNAL_DB } from './engine';
import { actionWrite, fakeIncident, fakeUnit, observe } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';
import { uuidv7 } from './uuidv7';

const { keeper, dir } = storeTestKit(afterEach);
const AT = Date.UTC(2025, 10, 26, 4, 5, 6, 789);

describe('startup health', () => {
  it('opens a fresh folder (created if missing) with WAL and current schemas', async () => {
    const folder = join(dir(), 'nested', 'data');
    const store = await keeper.open(folder);
    await store.close();
    expect(readdirSync(folder).sort()).toEqual(['audit.head', 'audit.key', 'cache.db', 'journal.db']);
    // Owner-only: the folder 0700, every file in it 0600.
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(folder)) expect([name, statSync(join(folder, name)).mode & 0o777]).toEqual([name, 0o600]);
    const cache = new Database(join(folder, 'cache.db'));
    expect(cache.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.pragma('user_version', { simple: true })).toBe(30);
    cache.close();
  });

  it('sets WAL (checkpoints far apart for the cache), synchronous (NORMAL for the cache, FULL for the journal), busy_timeout and foreign_keys on each connection', () => {
    const folder = dir();
    for (const [spec, synchronous, checkpointPages] of [
      [CACHE_DB, 1, 10_000],
      [JOURNAL_DB, 2, 1_000],
    ] as const) {
      const { db } = connect(spec, { dir: folder, at: AT, readOnly: false, busyTimeoutMs: 1234 });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(synchronous);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(checkpointPages);
      expect(db.pragma('journal_size_limit', { simple: true })).toBe(spec.wal.sizeLimitBytes);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    }
  });

  it('moves a file of garbage aside unchanged with its -wal/-shm, starts afresh, and keeps the other file', async () => {
    const folder = dir();
    const first = await keeper.open(folder);
    const incident = fakeIncident(1);
    await first.recordAction(actionWrite(uuidv7(), incident, { kind: 'acknowledge', incidentId: incident.id }, 1000));
    await first.close();
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, n) => (n * 7919) % 256));
    writeFileSync(join(folder, 'cache.db'), garbage);
    writeFileSync(join(folder, 'cache.db-wal'), 'not a wal either');

    const store = await keeper.open(folder, { now: () => AT });
    expect(readdirSync(folder).sort()).toContain('cache.db.corrupt-2025-11-26T04-05-06-789Z');
    expect(readdirSync(folder).sort()).toContain('cache.db.corrupt-2025-11-26T04-05-06-789Z-wal');
    expect(readFileSync(join(folder, 'cache.db.corrupt-2025-11-26T04-05-06-789Z'))).toEqual(garbage);
    expect(readFileSync(join(folder, 'cache.db.corrupt-2025-11-26T04-05-06-789Z-wal'), 'utf8')).toBe('not a wal either');
    await store.appendObservations([observe(fakeUnit(1), 5)]);
    expect(await store.countObservations()).toBe(1);
    expect(await store.outbox()).toHaveLength(1);
  });

  it('reports the recovery in StoreOpenReport.recovered', async () => {
    const folder = dir();
    writeFileSync(join(folder, 'journal.db'), 'SQLite format 3? no: this is garbage, long enough to look like a header.'.repeat(100));
    const { createStore } = await import('./store');
    const store = createStore({ dir: folder, now: () => AT });
    try {
      const report = await store.open();
      expect(report.versions).toEqual({ cache: 30, journal: 50 });
      expect(report.recovered).toEqual([
        {
          file: join(folder, 'journal.db'),
          movedTo: join(folder, 'journal.db.corrupt-2025-11-26T04-05-06-789Z'),
          reason: expect.stringMatching(/SQLITE_NOTADB/),
          recoveredActions: 0,
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it('moves aside a database whose pages are damaged (quick_check fails)', async () => {
    const folder = dir();
    const first = await keeper.open(folder);
    await first.appendObservations(Array.from({ length: 2000 }, (_, n) => observe(fakeUnit(n), 10)));
    await first.close();
    const file = join(folder, 'cache.db');
    expect(statSync(file).size).toBeGreaterThan(40 * 4096);
    // Overwrite pages in the middle of the file (b-tree pages of the tables), keeping the header valid.
    const fd = openSync(file, 'r+');
    for (let page = 5; page < 40; page += 3) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096);
    closeSync(fd);

    const { createStore } = await import('./store');
    const store = createStore({ dir: folder, now: () => AT });
    try {
      const report = await store.open();
      expect(report.recovered).toHaveLength(1);
      expect(report.recovered[0]?.file).toBe(file);
      expect(report.recovered[0]?.reason).toMatch(/quick_check failed|SQLITE_CORRUPT/);
      expect(await store.countObservations()).toBe(0);
    } finally {
      await store.close();
    }
  }, 20_000);
});
