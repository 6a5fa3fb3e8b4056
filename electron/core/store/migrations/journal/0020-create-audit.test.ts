import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../migrate';
import { schemaOf } from '../schemaOf';
import { createOutbox } from './0010-create-outbox';
import { createAudit } from './0020-create-audit';

it('0020 creates the append-only audit table on top of 0010, once', () => {
  const db = new Database(':memory:');
  migrate(db, 'journal.db', [createOutbox]);
  expect(migrate(db, 'journal.db', [createOutbox, createAudit])).toBe(20);
  const schema = schemaOf(db);
  expect(migrate(db, 'journal.db', [createOutbox, createAudit])).toBe(20);
  expect(schemaOf(db)).toEqual(schema);
  expect(schema.tables.audit).toEqual([
    'seq INTEGER PK',
    'at INTEGER NOT NULL',
    'actor_name TEXT NOT NULL',
    'actor_role TEXT NOT NULL',
    'actor_workstation TEXT NOT NULL',
    'action_id TEXT NOT NULL',
    'event TEXT NOT NULL',
    'before TEXT NOT NULL',
    'after TEXT NOT NULL',
    'prev_hash TEXT NOT NULL',
    'hash TEXT NOT NULL',
  ]);
  expect(schema.indexes).toContain('audit.audit_by_action');
  expect(schema.triggers).toEqual(['audit.audit_no_delete', 'audit.audit_no_update']);
  db.prepare("INSERT INTO audit VALUES (1, 1, 'n', 'operator', 'w', 'a', 'note', 'null', 'null', 'p', 'h')").run();
  expect(() => db.prepare("UPDATE audit SET hash = 'x'").run()).toThrow('append-only');
});
