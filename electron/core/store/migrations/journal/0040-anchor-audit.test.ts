import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../migrate';
import { schemaOf } from '../schemaOf';
import { anchorAudit } from './0040-anchor-audit';
import { journalMigrations } from '.';

it('0040 adds the append-only audit_mac table and the by-event index on top of 0030, keeping old records, once', () => {
  const db = new Database(':memory:');
  migrate(db, 'journal.db', journalMigrations.slice(0, 3));
  db.prepare("INSERT INTO audit VALUES (1, 1, 'n', 'operator', 'w', 'a', 'note', 'null', 'null', 'p', 'h')").run();
  const before = schemaOf(db);
  expect(migrate(db, 'journal.db', journalMigrations.slice(0, 4))).toBe(40);
  const schema = schemaOf(db);
  expect(migrate(db, 'journal.db', journalMigrations.slice(0, 4))).toBe(40);
  expect(schemaOf(db)).toEqual(schema);
  expect(schema.tables).toEqual({ ...before.tables, audit_mac: ['seq INTEGER PK', 'mac TEXT NOT NULL'] });
  expect(schema.indexes).toContain('audit.audit_by_event');
  expect(schema.triggers).toEqual(expect.arrayContaining(['audit_mac.audit_mac_no_delete', 'audit_mac.audit_mac_no_update']));
  expect(db.prepare('SELECT COUNT(*) AS n FROM audit').get()).toEqual({ n: 1 });
  db.prepare("INSERT INTO audit_mac VALUES (1, 'm')").run();
  expect(() => db.prepare("UPDATE audit_mac SET mac = 'x'").run()).toThrow('append-only');
  expect(() => db.prepare('DELETE FROM audit_mac').run()).toThrow('append-only');
  expect(journalMigrations[3]).toBe(anchorAudit);
});
