import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { OperatorProfile } from '../../../shared/domain';
import type { AuditRecord } from './api';
import { canonicalJson } from './canonicalJson';

/** The prevHash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit record before it is chained. */
export type AuditEntry = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;

/** sha256(prevHash + canonical JSON of every other field). */
export function hashRecord(prevHash: string, record: AuditEntry & { readonly seq: number }): string {
  const { seq, at, actor, actionId, event, before, after } = record;
  return createHash('sha256')
    .update(prevHash + canonicalJson({ seq, at, actor, actionId, event, before, after }))
    .digest('hex');
}

const Tail = z.object({ seq: z.number().int().positive(), hash: z.string() });

/** Appends one record to the chain. Call inside the transaction that makes the change it records. */
export function appendAudit(db: BetterSqlite3.Database, entry: AuditEntry): void {
  const tail = Tail.optional().parse(db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get());
  const seq = (tail?.seq ?? 0) + 1;
  const prevHash = tail?.hash ?? GENESIS_HASH;
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
    hashRecord(prevHash, { ...entry, seq }),
  );
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
});

export type ReadAudit = { ok: true; record: AuditRecord } | { ok: false; seq: number | null; reason: string };

/** One stored row as a record, or why it cannot be read (a damaged or edited row is reported, not thrown). */
export function readAuditRow(row: unknown): ReadAudit {
  const parsed = AuditRow.safeParse(row);
  if (!parsed.success) return { ok: false, seq: null, reason: `the record cannot be read: ${parsed.error.issues[0]?.message ?? 'invalid row'}` };
  const { seq, at, action_id: actionId, event, prev_hash: prevHash, hash } = parsed.data;
  const actor = OperatorProfile.safeParse({ name: parsed.data.actor_name, role: parsed.data.actor_role, workstation: parsed.data.actor_workstation });
  if (!actor.success) return { ok: false, seq, reason: 'the record names an invalid actor' };
  try {
    const before: unknown = JSON.parse(parsed.data.before);
    const after: unknown = JSON.parse(parsed.data.after);
    return { ok: true, record: { seq, at, actor: actor.data, actionId, event, before, after, prevHash, hash } };
  } catch {
    return { ok: false, seq, reason: 'the record holds text that is not JSON' };
  }
}

/** The chain in order, one row at a time (it can be long). */
export function iterateAudit(db: BetterSqlite3.Database): IterableIterator<unknown> {
  return db.prepare('SELECT * FROM audit ORDER BY seq').iterate();
}
