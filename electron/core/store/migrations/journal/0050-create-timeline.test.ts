import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../migrate';
import { schemaOf } from '../schemaOf';
import { createTimeline } from './0050-create-timeline';
import { journalMigrations } from '.';

it('0050 adds the timeline with a unique event key and a by-incident index on top of 0040, once', () => {
  const db = new Database(':memory:');
  migrate(db, 'journal.db', journalMigrations.slice(0, 4));
  const before = schemaOf(db);
  expect(migrate(db, 'journal.db', journalMigrations)).toBe(50);
  const schema = schemaOf(db);
  expect(migrate(db, 'journal.db', journalMigrations)).toBe(50);
  expect(schemaOf(db)).toEqual(schema);
  expect(schema.tables).toEqual({ ...before.tables, timeline: ['seq INTEGER PK', 'incident_id TEXT NOT NULL', 'at INTEGER NOT NULL', 'key TEXT NOT NULL', 'event TEXT NOT NULL'] });
  expect(schema.indexes).toContain('timeline.timeline_by_incident');
  const insert = db.prepare("INSERT INTO timeline (incident_id, at, key, event) VALUES ('i', 1, 'k', '{}')");
  insert.run();
  expect(() => insert.run()).toThrow(/UNIQUE/);
  expect(journalMigrations.at(-1)).toBe(createTimeline);
});
