import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { AuditVerifyResult } from './api';
import type { ReadCheckpoint } from './auditAnchor';
import { ANCHOR_ALARMS, checkpointValid, sameMac } from './auditAnchor';
import { GENESIS_HASH, hashRecord, iterateAudit, readAuditRow, recordMac } from './auditChain';

/** What the chain is checked against besides itself: the installation's key and the head checkpoint, both kept outside journal.db. */
export interface AuditAnchor {
  readonly key: Buffer | null;
  readonly checkpoint: ReadCheckpoint;
}

/**
 * Walks the chain from the first record and returns the first one that breaks it: a gap in seq
 * (records removed), a prevHash that is not the previous record's hash (removed or reordered), a hash
 * that does not match the content (edited), an HMAC that does not match (the whole chain rewritten with
 * its hashes recomputed). Then the head checkpoint: a chain shorter than it was cut at the tail.
 */
export function verifyChain(db: BetterSqlite3.Database, anchor: AuditAnchor): AuditVerifyResult {
  const { key, checkpoint } = anchor;
  const checkpointSeq = checkpoint.kind === 'ok' ? checkpoint.checkpoint.seq : 0;
  let hashAtCheckpoint: string | null = null;
  let records = 0;
  let previous: { seq: number; hash: string } | null = null;
  for (const row of iterateAudit(db)) {
    records += 1;
    const read = readAuditRow(row);
    const expectedSeq: number = (previous?.seq ?? 0) + 1;
    if (!read.ok) return broken(records, read.seq ?? expectedSeq, read.reason);
    const { record } = read;
    if (record.seq !== expectedSeq) return broken(records, record.seq, `seq gap: expected record #${expectedSeq} next`);
    if (record.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      const of = previous === null ? 'the chain start (64 zeros)' : `record #${previous.seq}`;
      return broken(records, record.seq, `prevHash does not match the hash of ${of}`);
    }
    if (record.hash !== hashRecord(record.prevHash, record)) return broken(records, record.seq, 'hash mismatch: the record was changed after it was written');
    if (key === null) return broken(records, record.seq, 'audit.key is missing from the data folder: the chain cannot be checked against a rewrite');
    if (record.mac === null) return broken(records, record.seq, 'the record has no HMAC: it was added without this installation\'s key');
    if (!sameMac(record.mac, recordMac(key, record.seq, record.hash))) {
      return broken(records, record.seq, "HMAC mismatch: the chain was rewritten (its hashes recomputed) without this installation's key");
    }
    const alarm = ANCHOR_ALARMS[record.event];
    if (alarm !== undefined) return broken(records, record.seq, `found when the console opened: ${alarm}${cutDetail(record.before, record.after)}`);
    if (record.seq === checkpointSeq) hashAtCheckpoint = record.hash;
    previous = { seq: record.seq, hash: record.hash };
  }
  const last = previous?.seq ?? 0;
  if (checkpoint.kind === 'missing') return records === 0 ? { ok: true, records, firstBroken: null } : broken(records, last, 'the head checkpoint (audit.head) is missing: a cut tail could not be seen');
  if (checkpoint.kind === 'unreadable') return broken(records, last, `the head checkpoint (audit.head) cannot be read: ${checkpoint.reason}`);
  const head = checkpoint.checkpoint;
  if (key === null) return broken(records, last, 'audit.key is missing from the data folder: the head checkpoint cannot be checked');
  if (!checkpointValid(key, head)) return broken(records, last, "the head checkpoint's HMAC does not match: it was forged or edited");
  if (last < head.seq) return broken(records, last + 1, `the chain ends at seq ${last} but the checkpoint says ${head.seq}: records were cut from the tail`);
  if (head.seq > 0 && hashAtCheckpoint !== head.hash) return broken(records, head.seq, `record #${head.seq} does not match the head checkpoint's hash: the chain was rewritten`);
  return { ok: true, records, firstBroken: null };
}

const SeqOf = z.object({ seq: z.number().int() });

/** For a cut found at open: where the chain ended and where the checkpoint said it did. */
function cutDetail(checkpoint: unknown, head: unknown): string {
  const said = SeqOf.safeParse(checkpoint);
  const ended = SeqOf.safeParse(head);
  return said.success && ended.success ? ` (the chain ended at seq ${ended.data.seq} but the checkpoint said ${said.data.seq})` : '';
}

function broken(records: number, seq: number, reason: string): AuditVerifyResult {
  return { ok: false, records, firstBroken: { seq, reason } };
}
