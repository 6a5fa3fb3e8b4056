import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { TimelineEvent } from '../../../shared/contract';
import { timelineKey } from '../timeline/eventKey';

/** One event for one incident, as written to the journal. */
export interface TimelineRow {
  readonly incidentId: string;
  readonly event: TimelineEvent;
}

const EventRow = z.object({ event: z.string() });
/** More than any timeline shows (the contract caps one at 1000): the newest are kept. */
const READ_LIMIT = 1000;

/** journal.db `timeline`: the incident record, each event once. */
export class TimelineJournal {
  private readonly insert: BetterSqlite3.Statement;
  private readonly select: BetterSqlite3.Statement;
  private readonly appendAll: (rows: readonly TimelineRow[]) => number;

  constructor(db: BetterSqlite3.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO timeline (incident_id, at, key, event) VALUES (?, ?, ?, ?)');
    this.select = db.prepare('SELECT event FROM (SELECT event, at, seq FROM timeline WHERE incident_id = ? ORDER BY at DESC, seq DESC LIMIT ?) ORDER BY at, seq');
    const transaction = db.transaction((rows: readonly TimelineRow[]) => rows.reduce((added, row) => added + this.write(row), 0));
    this.appendAll = (rows) => transaction.immediate(rows);
  }

  /** Inside a caller's transaction: 1 when the event is new, 0 when it was already there. */
  write(row: TimelineRow): number {
    return this.insert.run(row.incidentId, row.event.at, timelineKey(row.incidentId, row.event), JSON.stringify(row.event)).changes;
  }

  append(rows: readonly TimelineRow[]): number {
    return rows.length === 0 ? 0 : this.appendAll(rows);
  }

  /** Oldest first. A row that does not read back is an error, never skipped: the record must be whole. */
  of(incidentId: string): TimelineEvent[] {
    return this.select.all(incidentId, READ_LIMIT).map((row) => TimelineEvent.parse(JSON.parse(EventRow.parse(row).event)));
  }
}
