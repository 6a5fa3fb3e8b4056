import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connect } from './connection';
import { CACHE_DB } from './engine';
import { fakeUnit, observe } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';

const { keeper, dir } = storeTestKit(afterEach);
const AT = Date.UTC(2025, 10, 26, 4, 5, 6, 789);
const PAGE = 4096;
const PageRows = z.array(z.object({ pageno: z.number().int() }));
const open = (folder: string) => connect(CACHE_DB, { dir: folder, at: AT, readOnly: false, busyTimeoutMs: 1000 });

/** A cleanly closed cache.db holding observations and their latest picture, in the usual page mix. */
async function cacheFolder(): Promise<string> {
  const folder = dir();
  const store = await keeper.open(folder);
  await store.appendObservations(Array.from({ length: 2000 }, (_, n) => observe(fakeUnit(n), 10)));
  await store.close();
  expect(existsSync(join(folder, 'cache.db-wal'))).toBe(false);
  return folder;
}

/** Overwrites the leaf pages of one table (dbstat: SQLite's own map of the file), keeping the header valid. */
function damageTable(folder: string, table: string): void {
  const file = join(folder, 'cache.db');
  // Writable, so that closing it removes the -wal it made, as a console's clean close does.
  const db = new Database(file);
  const pages = PageRows.parse(db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'").all(table)).map((row) => row.pageno);
  db.close();
  expect(existsSync(`${file}-wal`)).toBe(false);
  expect(pages.length).toBeGreaterThan(3);
  const fd = openSync(file, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, (page - 1) * PAGE);
  closeSync(fd);
}

const movedAside = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('cache.db.corrupt-') && !/-(wal|shm)$/.test(name));

describe("cache.db's check at start", () => {
  it('finds damage in the latest picture, which a start reads, and moves the file aside', async () => {
    const folder = await cacheFolder();
    damageTable(folder, 'latest');
    const opened = open(folder);
    opened.db.close();
    expect(opened.recovered?.reason).toMatch(/quick_check failed|SQLITE_CORRUPT/);
    expect(movedAside(folder)).toHaveLength(1);
  });

  it('after a clean close reads only the latest picture: damage in the observation log is left for the writes that meet it', async () => {
    const folder = await cacheFolder();
    damageTable(folder, 'observations');
    const opened = open(folder);
    opened.db.close();
    expect(opened.recovered).toBeNull();
    expect(movedAside(folder)).toEqual([]);
  }, 20_000);

  it('checks the whole file when a -wal shows the last session did not close, and moves it aside', async () => {
    const folder = await cacheFolder();
    damageTable(folder, 'observations');
    // What a crash leaves: the write-ahead log beside the file (empty here: nothing was committed after the damage).
    writeFileSync(join(folder, 'cache.db-wal'), '');
    const opened = open(folder);
    opened.db.close();
    expect(opened.recovered?.reason).toMatch(/quick_check failed|SQLITE_CORRUPT/);
    expect(movedAside(folder)).toHaveLength(1);
  }, 20_000);
});
