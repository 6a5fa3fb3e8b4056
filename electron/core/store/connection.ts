import { chmodSync, closeSync, existsSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { RecoveredFile } from './api';
import { PRIVATE_FILE_MODE } from './auditAnchor';
import { migrate, newestVersion, refuseNewer, schemaVersion } from './migrate';
import type { Migration } from './migrations/migration';

/** What differs between the two files: how hard a commit waits for the disk, and the schema. */
export interface DatabaseSpec {
  readonly name: 'cache.db' | 'journal.db';
  readonly synchronous: 'NORMAL' | 'FULL';
  /**
   * WAL pages before SQLite checkpoints inside a commit (its default is 1 000), and the size the -wal is cut back
   * to after one. The cache takes far more: a busy feed's checkpoints, each with its fsyncs, were the ingest's
   * largest cost; the -wal stays bounded by the limit.
   */
  readonly wal: { readonly autocheckpointPages: number; readonly sizeLimitBytes: number };
  readonly migrations: readonly Migration[];
  /**
   * What `quick_check` reads at a start after a clean close: the whole file, or only the tables the start
   * reads. A whole check reads every page, which grows with the file: a week of cache is hundreds of MB.
   */
  readonly startCheck: 'whole' | { readonly tables: readonly string[] };
}

export interface ConnectOptions {
  readonly dir: string;
  /** Now, ms: names a damaged file moved aside. */
  readonly at: number;
  readonly readOnly: boolean;
  readonly busyTimeoutMs: number;
}

export interface Connection {
  readonly db: BetterSqlite3.Database;
  readonly version: number;
  readonly recovered: RecoveredFile | null;
}

const QuickCheckRows = z.array(z.object({ quick_check: z.string() }));
const TableName = z.string().regex(/^[a-z_]+$/);
const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/**
 * Opens one database: a file that fails `quick_check` (or is not a database) is moved aside, kept,
 * and replaced by a fresh one; a file from a newer console is refused untouched; then pragmas and migrations.
 * A file with a -wal beside it was not closed (a crash, a power cut, another console using it): it is
 * checked whole whatever its spec says, since that is when pages get damaged.
 */
export function connect(spec: DatabaseSpec, options: ConnectOptions): Connection {
  const file = join(options.dir, spec.name);
  let recovered: RecoveredFile | null = null;
  const damage = existsSync(file) ? probe(file, existsSync(`${file}-wal`) ? 'whole' : spec.startCheck, options) : null;
  if (damage !== null) recovered = { file, movedTo: moveAside(file, options.at), reason: damage };
  if (!options.readOnly) makePrivate(file);
  const db = openRaw(file, options.readOnly, options.busyTimeoutMs);
  try {
    // Before any pragma that writes: a refused file must stay byte for byte as it was.
    refuseNewer(db, spec.name, spec.migrations);
    // WAL: readers never block the writer. Set synchronous on every connection: it is not persistent.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${spec.synchronous}`);
    db.pragma(`wal_autocheckpoint = ${z.number().int().positive().parse(spec.wal.autocheckpointPages)}`);
    db.pragma(`journal_size_limit = ${z.number().int().positive().parse(spec.wal.sizeLimitBytes)}`);
    db.pragma('foreign_keys = ON');
    const version = options.readOnly ? migrateReadOnly(db, spec) : migrate(db, spec.name, spec.migrations);
    if (!options.readOnly) makePrivate(file);
    return { db, version, recovered };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Owner-only (0600) for the file and its -wal/-shm. A new file is created 0600 before SQLite opens it,
 * because SQLite gives the -wal and -shm it creates the database file's mode.
 */
function makePrivate(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const name of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(name)) chmodSync(name, PRIVATE_FILE_MODE);
}

function openRaw(file: string, readOnly: boolean, busyTimeoutMs: number): BetterSqlite3.Database {
  const db = new Database(file, { readonly: readOnly });
  db.pragma(`busy_timeout = ${z.number().int().nonnegative().parse(busyTimeoutMs)}`);
  return db;
}

/**
 * Null when healthy; otherwise why the file cannot be trusted. Checked on a read-only connection: closing
 * a writable one would checkpoint its WAL into the damaged file and delete the WAL, changing what is kept
 * for inspection. Other errors (permissions, locks) are thrown: they are not damage.
 */
function probe(file: string, scope: DatabaseSpec['startCheck'], options: ConnectOptions): string | null {
  const db = openRaw(file, true, options.busyTimeoutMs);
  try {
    // A table that does not exist yet (a file from before it) has nothing to check; quick_check would refuse the name.
    const tables = scope === 'whole' ? null : scope.tables.map((table) => TableName.parse(table)).filter((table) => tableExists(db, table));
    const pragmas = tables === null ? ['quick_check'] : tables.map((table) => `quick_check('${table}')`);
    const rows = pragmas.flatMap((pragma) => QuickCheckRows.parse(db.pragma(pragma)));
    const problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
    return problems.length === 0 ? null : `quick_check failed: ${problems.slice(0, 3).join('; ')}`;
  } catch (error) {
    if (error instanceof Database.SqliteError && DAMAGE_CODES.has(error.code)) return `${error.code}: ${error.message}`;
    throw error;
  } finally {
    db.close();
  }
}

function tableExists(db: BetterSqlite3.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/** Keeps the damaged file and its -wal/-shm for inspection, under a name that says when and why. */
function moveAside(file: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}`;
  for (let n = 2; existsSync(target); n += 1) target = `${file}.corrupt-${stamp}-${n}`;
  renameSync(file, target);
  chmodSync(target, PRIVATE_FILE_MODE);
  for (const suffix of ['-wal', '-shm']) {
    if (!existsSync(file + suffix)) continue;
    renameSync(file + suffix, target + suffix);
    chmodSync(target + suffix, PRIVATE_FILE_MODE);
  }
  return target;
}

/** A read-only connection cannot migrate: it works only with a database that is already current. */
function migrateReadOnly(db: BetterSqlite3.Database, spec: DatabaseSpec): number {
  const version = schemaVersion(db);
  const newest = newestVersion(spec.migrations);
  if (version !== newest) throw new Error(`${spec.name} is at schema version ${version}, not ${newest}, and is open read-only: it cannot be migrated`);
  return version;
}
