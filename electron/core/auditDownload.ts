import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AUDIT_EXPORT_MAX_BYTES, AUDIT_EXPORT_MAX_RECORDS } from '../../shared/contract/audit';
import type { AuditExport } from '../../shared/contract/audit';
import { coded } from '../../shared/contract/reasons';
import type { OperatorProfile } from '../../shared/domain';
import { log } from './log/logger';
import { RequestRefused } from './refused';
import type { AuditEntryInput } from './store/api';
import { readCheckpoint } from './store/auditAnchor';
import { hasMacTable, readAuditRow } from './store/auditChain';
import { uuidv7 } from './store/uuidv7';

export interface AuditDownloadOptions {
  /** The console's data folder (journal.db, audit.head); null when the host has none. */
  readonly dataDir: string | null;
  readonly profile: OperatorProfile;
  readonly maxRecords?: number;
  readonly maxBytes?: number;
  readonly now?: () => number;
  /** Records the export itself in the chain when the host has one; it is logged either way. */
  readonly audit?: ((entry: AuditEntryInput) => Promise<void>) | undefined;
}

/** The newest `limit` rows of the chain, oldest first, each with its HMAC; read-only, so the store's writer is not held up. */
function tail(db: Database.Database, limit: number): { rows: unknown[]; total: number } {
  const total = Number(db.prepare('SELECT COUNT(*) FROM audit').pluck().get() ?? 0);
  const from = 'COALESCE((SELECT seq FROM audit ORDER BY seq DESC LIMIT 1 OFFSET ?), 0)';
  const sql = hasMacTable(db)
    ? `SELECT audit.*, audit_mac.mac AS mac FROM audit LEFT JOIN audit_mac ON audit_mac.seq = audit.seq WHERE audit.seq >= ${from} ORDER BY audit.seq`
    : `SELECT * FROM audit WHERE seq >= ${from} ORDER BY seq`;
  return { rows: db.prepare(sql).all(limit - 1), total };
}

/**
 * The audit chain for a supervisor to download from the window (the browser host has no save dialog): JSON
 * Lines as the File menu's export writes them, hashes and HMACs included, the head checkpoint last. Bounded to
 * the newest records that fit one answer; a first line says how many older ones were left out.
 */
export async function auditForDownload(options: AuditDownloadOptions): Promise<AuditExport> {
  const { profile } = options;
  if (profile.role !== 'supervisor') {
    throw new RequestRefused(`only a supervisor may export the audit log; this console's operator is a ${profile.role}`, coded('role-not-allowed', { role: profile.role, action: 'audit-export' }));
  }
  const at = (options.now ?? Date.now)();
  const fileName = `audit-${new Date(at).toISOString().slice(0, 19).replaceAll(':', '-')}.jsonl`;
  const dataDir = options.dataDir;
  const journal = dataDir === null ? null : join(dataDir, 'journal.db');
  if (dataDir === null || journal === null || !existsSync(journal)) {
    throw new RequestRefused('this console has no local journal, so there is no audit log to export', coded('store-unavailable'));
  }
  const read = readCheckpoint(dataDir);
  const checkpoint = read.kind === 'ok' ? read.checkpoint : null;

  const maxBytes = options.maxBytes ?? AUDIT_EXPORT_MAX_BYTES;
  const db = new Database(journal, { readonly: true, fileMustExist: true });
  let lines: { seq: number | null; line: string }[];
  let total: number;
  try {
    const found = tail(db, options.maxRecords ?? AUDIT_EXPORT_MAX_RECORDS);
    total = found.total;
    lines = found.rows.map((row) => {
      const record = readAuditRow(row);
      // A damaged record is exported as it stands, so the download shows the damage rather than hiding it.
      return record.ok ? { seq: record.record.seq, line: JSON.stringify(record.record) } : { seq: record.seq, line: JSON.stringify(row) };
    });
  } finally {
    db.close();
  }
  // Oldest first out until the rest fits; the newest records are the ones a supervisor asks about.
  let bytes = lines.reduce((sum, l) => sum + Buffer.byteLength(l.line) + 1, 0);
  let drop = 0;
  while (drop < lines.length && bytes > maxBytes) {
    bytes -= Buffer.byteLength(lines[drop]?.line ?? '') + 1;
    drop += 1;
  }
  lines = lines.slice(drop);

  const omitted = total - lines.length;
  const firstSeq = lines[0]?.seq ?? null;
  const lastSeq = lines.at(-1)?.seq ?? null;
  const head = omitted > 0 ? [JSON.stringify({ truncated: { omitted, total, firstSeq, note: `the ${omitted} oldest records are left out; export the whole chain from the desktop's File menu or with npm run audit:export` } })] : [];
  const text = [...head, ...lines.map((l) => l.line), JSON.stringify({ checkpoint })].join('\n') + '\n';

  log().info('audit log exported for download', { by: profile.name, role: profile.role, workstation: profile.workstation, records: lines.length, omitted });
  if (options.audit) await options.audit({ at, actor: profile, actionId: uuidv7(at), event: 'audit:export', before: null, after: { records: lines.length, omitted, firstSeq, lastSeq } });
  return { fileName, text, records: lines.length, total, omitted, firstSeq, lastSeq, checkpoint };
}
