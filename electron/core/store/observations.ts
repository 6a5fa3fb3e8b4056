import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { FEED_IDS, parseItem } from '../../../shared/domain';
import type { FeedId, FeedItem } from '../../../shared/domain';
import type { LatestState } from './api';
import type { ObservationRow } from './schemas';
import { OBSERVATION_SQL } from './observationSql';

const PayloadRow = z.object({ payload: z.string() });
const NewestRow = z.object({ newest: z.number().int().nullable() });
const CountRow = z.object({ n: z.number().int() });

/** cache.db: the observation log and the latest state per entity. */
export class ObservationCache {
  private readonly append: BetterSqlite3.Statement;
  private readonly upsertLatest: BetterSqlite3.Statement;
  private readonly latestOfFeed: BetterSqlite3.Statement;
  private readonly newestReceivedOfFeed: BetterSqlite3.Statement;
  private readonly count: BetterSqlite3.Statement;
  private readonly pruneAll: (before: number) => number;
  private readonly appendAll: (records: readonly ObservationRow[]) => void;

  constructor(db: BetterSqlite3.Database) {
    this.append = db.prepare(OBSERVATION_SQL.append);
    this.upsertLatest = db.prepare(OBSERVATION_SQL.upsertLatest);
    this.latestOfFeed = db.prepare(OBSERVATION_SQL.latestOfFeed);
    this.newestReceivedOfFeed = db.prepare(OBSERVATION_SQL.newestReceivedOfFeed);
    this.count = db.prepare(OBSERVATION_SQL.count);
    const pruneObservations = db.prepare(OBSERVATION_SQL.prune);
    const pruneLatest = db.prepare(OBSERVATION_SQL.pruneLatest);
    this.pruneAll = db.transaction((before: number) => {
      pruneLatest.run(before, before);
      return pruneObservations.run(before).changes;
    });
    const transaction = db.transaction((records: readonly ObservationRow[]) => {
      for (const record of records) {
        const payload = 'payload' in record ? record.payload : JSON.stringify(record.item.item);
        this.append.run(record.feed, record.entityId, record.sourceTime, record.receivedAt, payload);
        this.upsertLatest.run(record.feed, record.entityId, record.sourceTime, record.receivedAt, record.endedAt, payload);
      }
    });
    // IMMEDIATE: take the write lock up front, so a busy database fails before any work rather than at commit.
    this.appendAll = (records) => transaction.immediate(records);
  }

  /** All records of one call in one transaction: the log and `latest` never disagree. */
  appendObservations(records: readonly ObservationRow[]): void {
    if (records.length > 0) this.appendAll(records);
  }

  loadLatest(): LatestState {
    const items: FeedItem[] = [];
    const newestReceivedAt: Partial<Record<FeedId, number | null>> = {};
    for (const feed of FEED_IDS) {
      for (const row of this.latestOfFeed.iterate(feed)) {
        const item = readItem(feed, row);
        // The cache can be fetched again: a row an older or newer console wrote differently is skipped, not fatal.
        if (item !== null) items.push(item);
      }
      newestReceivedAt[feed] = NewestRow.parse(this.newestReceivedOfFeed.get(feed)).newest;
    }
    return { items, newestReceivedAt };
  }

  countObservations(): number {
    return CountRow.parse(this.count.get()).n;
  }

  /**
   * Retention: observations received before `before`, and from `latest` the entities not heard of since
   * then and those that ended before then (closed, expired, done), so the cached picture cannot outgrow the contract's caps.
   * Returns how many observations went.
   */
  prune(before: number): number {
    return this.pruneAll(before);
  }
}

function readItem(feed: FeedId, row: unknown): FeedItem | null {
  const parsed = PayloadRow.safeParse(row);
  if (!parsed.success) return null;
  try {
    return parseItem(feed, JSON.parse(parsed.data.payload));
  } catch {
    return null;
  }
}
