import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { iterateAudit, readAuditRow } from './auditChain';

const LINES_PER_WRITE = 1000;

/**
 * Writes the chain as JSON Lines, hashes included, so it can be verified elsewhere. The file appears
 * whole or not at all: it is written beside the target, flushed, then renamed over it.
 */
export function exportChain(db: BetterSqlite3.Database, path: string): number {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx');
    let count: number;
    try {
      count = writeLines(db, fd);
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
