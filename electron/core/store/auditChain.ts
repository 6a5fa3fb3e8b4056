import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { OperatorProfile } from '../../../shared/domain';
import type { AuditRecord } from './api';
import type { Head } from './auditAnchor';
import { macOf } from './auditAnchor';
import { canonicalJson } from './canonicalJson';

/** The prevHash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit record before it is chained. */
export type AuditEntry = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'mac'>;

/** sha256(prevHash + canonical JSON of every other field). */
export function hashRecord(prevHash: string, record: AuditEntry & { readonly seq: number }): string {
  const { seq, at, actor, actionId, event, before, after } = record;
  return createHash('sha256')
    .update(prevHash + canonicalJson({ seq, at, actor, actionId, event, before, after }))
    .digest('hex');
}

const Tail = z.object({ seq: z.number().int().positive(), hash: z.string() });

/** HMAC of a record under the installation's key: what someone who recomputes every sha256 cannot forge. */
export const recordMac = (key: Buffer, seq: number, hash: string): string => macOf(key, `audit-record:${seq}:${hash}`);

/** The last record's seq and hash (seq 0 and the genesis hash for an empty chain). */
export function chainHead(db: BetterSqlite3.Database): Head {
  const tail = Tail.optional().parse(db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get());
  return tail ?? { seq: 0, hash: GENESIS_HASH };
}

/** Appends one record to the chain, with its HMAC. Call inside the transaction that makes the change it records. */
export function appendAudit(db: BetterSqlite3.Database, key: Buffer, entry: AuditEntry): Head {
  const tail = chainHead(db);
  const seq = tail.seq + 1;
  const prevHash = tail.hash;
  const hash = hashRecord(prevHash, { ...entry, seq });
  db.prepare(
    `INSERT INTO audit (seq, at, actor_name, actor_role, actor_workstation, action_id, event, before, after, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    seq,
    entry.at,
    entry.actor.name,
    entry.actor.role,
    entry.actor.workstation,
    entry.actionId,
    entry.event,
    JSON.stringify(entry.before ?? null),
    JSON.stringify(entry.after ?? null),
    prevHash,
    hash,
  );
  db.prepare('INSERT INTO audit_mac (seq, mac) VALUES (?, ?)').run(seq, recordMac(key, seq, hash));
  return { seq, hash };
}

/**
 * Anchors records written before the chain had a key (a journal from an older console): only when no
 * record has an HMAC yet, so a record whose HMAC was removed later is reported, not re-signed.
 */
export function anchorUnsignedChain(db: BetterSqlite3.Database, key: Buffer): number {
  const signed = z.object({ n: z.number().int() }).parse(db.prepare('SELECT COUNT(*) AS n FROM audit_mac').get()).n;
  if (signed > 0) return 0;
  const insert = db.prepare('INSERT INTO audit_mac (seq, mac) VALUES (?, ?)');
  let count = 0;
  db.transaction(() => {
    for (const row of db.prepare('SELECT seq, hash FROM audit ORDER BY seq').all()) {
      const { seq, hash } = Tail.parse(row);
      insert.run(seq, recordMac(key, seq, hash));
      count += 1;
    }
  }).immediate();
  return count;
}

const AuditRow = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  actor_name: z.string(),
  actor_role: z.string(),
  actor_workstation: z.string(),
  action_id: z.string(),
  event: z.string(),
  before: z.string(),
  after: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
  mac: z.string().nullable().optional(),
});

export type ReadAudit = { ok: true; record: AuditRecord } | { ok: false; seq: number | null; reason: string };

/** One stored row as a record, or why it cannot be read (a damaged or edited row is reported, not thrown). */
export function readAuditRow(row: unknown): ReadAudit {
  const parsed = AuditRow.safeParse(row);
  if (!parsed.success) return { ok: false, seq: null, reason: `the record cannot be read: ${parsed.error.issues[0]?.message ?? 'invalid row'}` };
  const { seq, at, action_id: actionId, event, prev_hash: prevHash, hash } = parsed.data;
  const mac = parsed.data.mac ?? null;
  const actor = OperatorProfile.safeParse({ name: parsed.data.actor_name, role: parsed.data.actor_role, workstation: parsed.data.actor_workstation });
  if (!actor.success) return { ok: false, seq, reason: 'the record names an invalid actor' };
  try {
    const before: unknown = JSON.parse(parsed.data.before);
    const after: unknown = JSON.parse(parsed.data.after);
    return { ok: true, record: { seq, at, actor: actor.data, actionId, event, before, after, prevHash, hash, mac } };
  } catch {
    return { ok: false, seq, reason: 'the record holds text that is not JSON' };
  }
}

/** Whether journal.db has the HMAC table (a read-only look at an older journal may not). */
export function hasMacTable(db: BetterSqlite3.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_mac'").get() !== undefined;
}

/** The chain in order with each record's HMAC, one row at a time (it can be long). */
export function iterateAudit(db: BetterSqlite3.Database): IterableIterator<unknown> {
  const sql = hasMacTable(db)
    ? 'SELECT audit.*, audit_mac.mac AS mac FROM audit LEFT JOIN audit_mac ON audit_mac.seq = audit.seq ORDER BY audit.seq'
    : 'SELECT * FROM audit ORDER BY seq';
  return db.prepare(sql).iterate();
}
