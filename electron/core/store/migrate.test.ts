import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreVersionError } from './errors';
import { migrate, schemaVersion } from './migrate';
import type { Migration } from './migrations/migration';
import { storeKeeper, tempDir } from './testing/tempDir';

const step = (version: number, sql: string): Migration => ({ version, name: `step-${version}`, up: (db) => db.exec(sql) });
const keeper = storeKeeper();
const dirs: Array<() => void> = [];
afterEach(async () => {
  await keeper.closeAll();
  for (const remove of dirs.splice(0)) remove();
});

describe('migration runner', () => {
  it('applies pending steps in version order, whatever order they are listed in, and sets user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 'x.db', [step(20, 'ALTER TABLE t ADD COLUMN b'), step(10, 'CREATE TABLE t (a)')])).toBe(20);
    expect(db.pragma('table_info(t)') as unknown[]).toHaveLength(2);
  });

  it('applies only what is pending', () => {
    const db = new Database(':memory:');
    migrate(db, 'x.db', [step(10, 'CREATE TABLE t (a)')]);
    // Re-running step 10 would fail: the table exists.
    expect(migrate(db, 'x.db', [step(10, 'CREATE TABLE t (a)'), step(20, 'CREATE TABLE u (a)')])).toBe(20);
  });

  it('rolls a failing step back whole and leaves the version at the last whole step', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, 'x.db', [step(10, 'CREATE TABLE t (a)'), step(20, 'CREATE TABLE u (a); CREATE TABLE t (a)')])).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").get()).toBeUndefined();
  });

  it('refuses a database from a newer console with the StoreVersionError message', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 50');
    expect(() => migrate(db, 'journal.db', [step(10, 'CREATE TABLE t (a)'), step(30, 'CREATE TABLE u (a)')])).toThrow(
      new StoreVersionError('journal.db', 50, 30),
    );
    expect(new StoreVersionError('journal.db', 50, 30).message).toBe(
      'journal.db is at schema version 50 but this console knows up to 30; it was written by a newer console. Refusing to open it so nothing in it is lost.',
    );
  });

  it('the store refuses to open a newer journal.db and leaves the file byte for byte as it was', async () => {
    const { dir, remove } = tempDir();
    dirs.push(remove);
    const file = join(dir, 'journal.db');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1);');
    newer.pragma('user_version = 60');
    newer.close();
    const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = digest();
    await expect(keeper.open(dir)).rejects.toThrow(new StoreVersionError('journal.db', 60, 50));
    expect(digest()).toBe(before);
    // Not moved aside as damaged, no WAL started beside it.
    expect(readdirSync(dir).sort()).toEqual(['cache.db', 'journal.db']);
  });
});
