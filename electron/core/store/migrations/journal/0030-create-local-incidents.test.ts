import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../migrate';
import { schemaOf } from '../schemaOf';
import { createLocalIncidents } from './0030-create-local-incidents';
import { journalMigrations } from '.';

it('0030 creates the local incident overlay on top of 0020, once', () => {
  const db = new Database(':memory:');
  migrate(db, 'journal.db', journalMigrations.slice(0, 2));
  const before = schemaOf(db);
  expect(migrate(db, 'journal.db', journalMigrations.slice(0, 3))).toBe(30);
  const schema = schemaOf(db);
  expect(migrate(db, 'journal.db', journalMigrations.slice(0, 3))).toBe(30);
  expect(schemaOf(db)).toEqual(schema);
  expect(schema.tables).toEqual({ ...before.tables, local_incidents: ['id TEXT PK', 'incident TEXT NOT NULL', 'updated_at INTEGER NOT NULL'] });
  expect(journalMigrations[2]).toBe(createLocalIncidents);
});
