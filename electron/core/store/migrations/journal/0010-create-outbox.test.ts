import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../migrate';
import { schemaOf } from '../schemaOf';
import { createOutbox } from './0010-create-outbox';

it('0010 creates the outbox with a unique action id and a partial index of unsettled actions, once', () => {
  const db = new Database(':memory:');
  expect(migrate(db, 'journal.db', [createOutbox])).toBe(10);
  const schema = schemaOf(db);
  expect(migrate(db, 'journal.db', [createOutbox])).toBe(10);
  expect(schemaOf(db)).toEqual(schema);
  expect(schema.tables.outbox).toEqual([
    'seq INTEGER PK',
    'action_id TEXT NOT NULL',
    'incident_id TEXT NOT NULL',
    'action TEXT NOT NULL',
    'actor TEXT NOT NULL',
    'created_at INTEGER NOT NULL',
    'state TEXT NOT NULL',
    'attempts INTEGER NOT NULL',
    'next_attempt_at INTEGER',
    'last_error TEXT',
    'settled_at INTEGER',
  ]);
  expect(schema.indexes).toEqual(['outbox.outbox_unsettled_by_incident']);
  const insert = db.prepare("INSERT INTO outbox (action_id, incident_id, action, actor, created_at, state, attempts) VALUES ('a', 'i', '{}', '{}', 1, 'queued', 0)");
  insert.run();
  expect(() => insert.run()).toThrow(/UNIQUE/);
});
