import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { UNSETTLED_OF_INCIDENT } from './journalActions';
import { migrate } from './migrate';
import { cacheMigrations } from './migrations/cache';
import { journalMigrations } from './migrations/journal';
import { OBSERVATION_SQL } from './observationSql';

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => (row as { detail: string }).detail)
    .join(' | ');
}

// Plans are checked on a database with rows and fresh statistics, as the planner would see a console's cache.
function cacheWithRows() {
  const db = new Database(':memory:');
  migrate(db, 'cache.db', cacheMigrations);
  const insert = db.prepare(OBSERVATION_SQL.append);
  const upsert = db.prepare(OBSERVATION_SQL.upsertLatest);
  db.transaction(() => {
    for (let n = 0; n < 3000; n += 1) {
      const feed = ['traffic', 'units', 'incidents'][n % 3];
      insert.run(feed, `e${n % 500}`, n, n, '{}');
      upsert.run(feed, `e${n % 500}`, n, n, null, '{}');
    }
  })();
  db.exec('ANALYZE');
  return db;
}

it('reads latest of one feed through its primary key, not a scan', () => {
  expect(plan(cacheWithRows(), OBSERVATION_SQL.latestOfFeed, 'units')).toMatch(/^SEARCH latest USING PRIMARY KEY \(feed=\?\)$/);
});

it('finds the newest receive time of a feed from the index alone', () => {
  expect(plan(cacheWithRows(), OBSERVATION_SQL.newestReceivedOfFeed, 'units')).toMatch(/^SEARCH latest USING COVERING INDEX latest_by_feed_received_at \(feed=\?\)$/);
});

it('prunes by receive time through its index', () => {
  expect(plan(cacheWithRows(), OBSERVATION_SQL.prune, 0)).toMatch(/^SEARCH observations USING (COVERING )?INDEX observations_by_received_at \(received_at<\?\)$/);
});

it('prunes the latest picture through its indexes (received, ended), never a scan', () => {
  const detail = plan(cacheWithRows(), OBSERVATION_SQL.pruneLatest, 0, 0);
  expect(detail).not.toMatch(/SCAN/);
});

it("reads one entity's history in source-time order through its index, without sorting", () => {
  const detail = plan(cacheWithRows(), 'SELECT payload FROM observations WHERE feed = ? AND entity_id = ? AND source_time >= ? ORDER BY source_time', 'units', 'e1', 0);
  expect(detail).toMatch(/^SEARCH observations USING INDEX observations_by_entity \(feed=\? AND entity_id=\? AND source_time>\?\)$/);
});

it('checks for unsettled actions of an incident through the partial index', () => {
  const db = new Database(':memory:');
  migrate(db, 'journal.db', journalMigrations);
  const detail = plan(db, UNSETTLED_OF_INCIDENT, 'i');
  expect(detail).toMatch(/^SEARCH outbox USING (COVERING )?INDEX outbox_unsettled_by_incident \(incident_id=\?\)$/);
  expect(detail).not.toMatch(/SCAN/);
});
