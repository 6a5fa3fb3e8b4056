import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../migrate';
import { schemaOf } from '../schemaOf';
import { createObservations } from './0010-create-observations';
import { createLatest } from './0020-create-latest';
import { cacheMigrations } from '.';

it('0020 adds the latest table keyed by feed and entity, on top of 0010, once', () => {
  const db = new Database(':memory:');
  migrate(db, 'cache.db', [createObservations]);
  const before = schemaOf(db);
  expect(migrate(db, 'cache.db', [createObservations, createLatest])).toBe(20);
  const schema = schemaOf(db);
  expect(migrate(db, 'cache.db', [createObservations, createLatest])).toBe(20);
  expect(schemaOf(db)).toEqual(schema);
  expect(schema.tables.observations).toEqual(before.tables.observations);
  expect(schema.tables.latest).toEqual(['feed TEXT NOT NULL PK', 'entity_id TEXT NOT NULL PK', 'source_time INTEGER NOT NULL', 'received_at INTEGER NOT NULL', 'payload TEXT NOT NULL']);
  expect(schema.indexes).toContain('latest.latest_by_feed_received_at');
  expect(cacheMigrations[1]).toBe(createLatest);
});
