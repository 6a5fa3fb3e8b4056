import type BetterSqlite3 from 'better-sqlite3';
import type { AuditVerifyResult } from './api';
import { GENESIS_HASH, hashRecord, iterateAudit, readAuditRow } from './auditChain';

/**
 * Walks the chain from the first record and returns the first one that breaks it: a gap in seq
 * (records removed), a prevHash that is not the previous record's hash (removed or reordered),
 * or a hash that does not match the content (edited).
 */
export function verifyChain(db: BetterSqlite3.Database): AuditVerifyResult {
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
    previous = { seq: record.seq, hash: record.hash };
  }
  return { ok: true, records, firstBroken: null };
}

function broken(records: number, seq: number, reason: string): AuditVerifyResult {
  return { ok: false, records, firstBroken: { seq, reason } };
}
