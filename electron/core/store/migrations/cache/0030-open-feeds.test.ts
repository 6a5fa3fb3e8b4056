import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../migrate';
import { OBSERVATION_SQL } from '../../observationSql';
import { createObservations } from './0010-create-observations';
import { createLatest } from './0020-create-latest';
import { cacheMigrations } from '.';

const closed = JSON.stringify({ id: 'i1', status: 'closed' });
const open = JSON.stringify({ id: 'i2', status: 'new' });

it('0030 keeps every row, drops the feed list from SQL, and marks closed incidents as ended', () => {
  const db = new Database(':memory:');
  migrate(db, 'cache.db', [createObservations, createLatest]);
  const insert = db.prepare('INSERT INTO observations (feed, entity_id, source_time, received_at, payload) VALUES (?, ?, ?, ?, ?)');
  const latest = db.prepare('INSERT INTO latest (feed, entity_id, source_time, received_at, payload) VALUES (?, ?, ?, ?, ?)');
  insert.run('incidents', 'i1', 10, 11, closed);
  latest.run('incidents', 'i1', 10, 11, closed);
  latest.run('incidents', 'i2', 20, 21, open);
  latest.run('units', 'u1', 30, 31, 'not json');
  expect(() => latest.run('warnings', 'w1', 1, 1, '{}')).toThrow(/CHECK/);

  expect(migrate(db, 'cache.db', cacheMigrations)).toBe(30);
  expect(db.prepare('SELECT feed, entity_id, ended_at FROM latest ORDER BY entity_id').all()).toEqual([
    { feed: 'incidents', entity_id: 'i1', ended_at: 10 },
    { feed: 'incidents', entity_id: 'i2', ended_at: null },
    { feed: 'units', entity_id: 'u1', ended_at: null },
  ]);
  expect(db.prepare('SELECT COUNT(*) AS n FROM observations').get()).toEqual({ n: 1 });
  // A feed kind the first schema never heard of is stored without a migration of its own.
  db.prepare(OBSERVATION_SQL.upsertLatest).run('warnings', 'w1', 1, 1, 5, '{}');
  db.prepare(OBSERVATION_SQL.append).run('warnings', 'w1', 1, 1, '{}');
  expect(() => db.prepare(OBSERVATION_SQL.append).run('', 'w1', 1, 1, '{}')).toThrow(/CHECK/);
  // Retention is one rule for every kind: what ended before the cut goes, whatever its feed.
  db.prepare(OBSERVATION_SQL.pruneLatest).run(0, 8);
  expect(db.prepare('SELECT entity_id FROM latest ORDER BY entity_id').all()).toEqual([{ entity_id: 'i1' }, { entity_id: 'i2' }, { entity_id: 'u1' }]);
  db.prepare(OBSERVATION_SQL.pruneLatest).run(0, 15);
  expect(db.prepare('SELECT entity_id FROM latest ORDER BY entity_id').all()).toEqual([{ entity_id: 'i2' }, { entity_id: 'u1' }]);
  expect(migrate(db, 'cache.db', cacheMigrations)).toBe(30);
});
