import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { StoreVersionError } from './errors';
import type { Migration } from './migrations/migration';

const UserVersion = z.number().int().nonnegative();

export function schemaVersion(db: BetterSqlite3.Database): number {
  return UserVersion.parse(db.pragma('user_version', { simple: true }));
}

export function newestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((newest, migration) => Math.max(newest, migration.version), 0);
}

/** Refuses a database from a newer console. Reads only, so a refused file is left exactly as it was. */
export function refuseNewer(db: BetterSqlite3.Database, file: string, migrations: readonly Migration[]): void {
  const found = schemaVersion(db);
  const known = newestVersion(migrations);
  if (found > known) throw new StoreVersionError(file, found, known);
}

/**
 * Applies the pending migrations in version order, each in its own transaction together with its
 * `user_version`, so a crash leaves the database at the last whole step. Returns the version reached.
 */
export function migrate(db: BetterSqlite3.Database, file: string, migrations: readonly Migration[]): number {
  refuseNewer(db, file, migrations);
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own code.
      db.pragma(`user_version = ${UserVersion.parse(migration.version)}`);
    }).immediate();
  }
  return schemaVersion(db);
}
