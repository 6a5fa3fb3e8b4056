import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../migrate';
import { schemaOf } from '../schemaOf';
import { createObservations } from './0010-create-observations';

it('0010 creates the observation log with its retention and replay indexes, once', () => {
  const db = new Database(':memory:');
  expect(migrate(db, 'cache.db', [createObservations])).toBe(10);
  const schema = schemaOf(db);
  expect(migrate(db, 'cache.db', [createObservations])).toBe(10);
  expect(schemaOf(db)).toEqual(schema);
  expect(schemaVersion(db)).toBe(10);
  expect(schema.tables).toEqual({
    observations: ['id INTEGER PK', 'feed TEXT NOT NULL', 'entity_id TEXT NOT NULL', 'source_time INTEGER NOT NULL', 'received_at INTEGER NOT NULL', 'payload TEXT NOT NULL'],
  });
  expect(schema.indexes).toEqual(['observations.observations_by_entity', 'observations.observations_by_received_at']);
  expect(() => db.prepare("INSERT INTO observations (feed, entity_id, source_time, received_at, payload) VALUES ('weather', 'x', 1, 1, '{}')").run()).toThrow(/CHECK/);
});
