import Database from 'better-sqlite3';
import { z } from 'zod';
import type { OutboxEntry } from '../../../shared/domain';
import { OutboxRow, toEntry } from './journalActions';

export interface Salvage {
  /** Queued actions read back whole, oldest first. */
  readonly entries: OutboxEntry[];
  /** Rows that could not be read: damaged pages, broken JSON. */
  readonly skipped: number;
  /** Why nothing could be read at all, when so. */
  readonly failure: string | null;
}

const MaxSeq = z.object({ n: z.number().int().nullable() });
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads the actions still queued out of a journal that failed its check and was moved aside, so they are
 * not lost with it. Read-only: the damaged file stays as it was for inspection. A scan that stops at a
 * damaged page falls back to reading row by row, skipping the rows that cannot be read.
 */
export function salvageQueued(file: string): Salvage {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { entries: [], skipped: 0, failure: describe(error) };
  }
  try {
    return scanAll(db) ?? rowByRow(db);
  } finally {
    db.close();
  }
}

/** A queued action, null for a settled one, 'unreadable' for a row that does not read back whole. */
function readRow(row: unknown): OutboxEntry | null | 'unreadable' {
  try {
    const entry = toEntry(OutboxRow.parse(row));
    return entry.state === 'queued' ? entry : null;
  } catch {
    return 'unreadable';
  }
}

const isEntry = (read: OutboxEntry | null | 'unreadable'): read is OutboxEntry => read !== null && read !== 'unreadable';

function scanAll(db: Database.Database): Salvage | null {
  try {
    const rows = db.prepare("SELECT * FROM outbox WHERE state = 'queued' ORDER BY seq").all();
    const read = rows.map(readRow);
    return { entries: read.filter(isEntry), skipped: read.filter((r) => r === 'unreadable').length, failure: null };
  } catch {
    return null;
  }
}

function rowByRow(db: Database.Database): Salvage {
  let last: number;
  try {
    last = MaxSeq.parse(db.prepare('SELECT MAX(seq) AS n FROM outbox').get()).n ?? 0;
  } catch {
    // The table's root is damaged too: its sequence counter may still say how far to look.
    try {
      last = MaxSeq.parse(db.prepare("SELECT seq AS n FROM sqlite_sequence WHERE name = 'outbox'").get() ?? { n: null }).n ?? 0;
    } catch (error) {
      return { entries: [], skipped: 0, failure: describe(error) };
    }
  }
  const one = db.prepare('SELECT * FROM outbox WHERE seq = ?');
  const entries: OutboxEntry[] = [];
  let skipped = 0;
  for (let seq = 1; seq <= last; seq += 1) {
    try {
      const row: unknown = one.get(seq);
      if (row === undefined) continue;
      const read = readRow(row);
      if (isEntry(read)) entries.push(read);
      else if (read === 'unreadable') skipped += 1;
    } catch {
      skipped += 1;
    }
  }
  return { entries, skipped, failure: null };
}
