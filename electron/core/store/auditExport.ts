import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Checkpoint } from './auditAnchor';
import { iterateAudit, readAuditRow } from './auditChain';

const LINES_PER_WRITE = 1000;

/**
 * Writes the chain as JSON Lines, hashes and HMACs included, so it can be verified elsewhere, and ends
 * with the head checkpoint (`{"checkpoint": {seq, hash, at, mac}}`), so a copy cut at the tail shows it.
 * The file appears whole or not at all: it is written beside the target, flushed, then renamed over it.
 * Returns the number of records.
 */
export function exportChain(db: BetterSqlite3.Database, path: string, checkpoint: Checkpoint | null): number {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx');
    let count: number;
    try {
      count = writeLines(db, fd);
      writeSync(fd, `${JSON.stringify({ checkpoint })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    return count;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeLines(db: BetterSqlite3.Database, fd: number): number {
  let count = 0;
  let lines: string[] = [];
  for (const row of iterateAudit(db)) {
    const read = readAuditRow(row);
    // A damaged record is exported as it stands, so the export shows the damage rather than hiding it.
    lines.push(JSON.stringify(read.ok ? read.record : row));
    count += 1;
    if (lines.length === LINES_PER_WRITE) {
      writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
  return count;
}
