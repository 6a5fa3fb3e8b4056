/**
 * `ingest_ratio`: raw NGSI-LD entities through the console's own path (mapping and validation, the state hub
 * and its coalesced, contract-checked change events, the store's observation log and latest state) against
 * a raw better-sqlite3 batched insert of the same rows into a table shaped like the log, same batches, same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventHub } from '../../electron/core/events';
import { PHUKET } from '../../electron/core/feeds/ngsi/common';
import { mapEntity } from '../../electron/core/feeds/ngsi/mapEntity';
import type { FeedItem } from '../../electron/core/feeds/ngsi/mapEntity';
import type { FeedSink, FeedSource } from '../../electron/core/feeds/source';
import { createLiveHub } from '../../electron/core/live/liveHub';
import { observationRecord } from '../../electron/core/live/observationRecord';
import { createStore } from '../../electron/core/store/store';
import { itemTime } from '../../shared/domain';
import type { FeedId } from '../../shared/domain';
import { cityEntities } from './cityRows';
import type { Bench, BenchContext, Metric } from './harness';
import { atLeast, median, metric, until } from './harness';

const BATCH = 500;

/** Rows per second for the plain insert: one transaction per batch, the log's columns and indexes, nothing else. */
function rawInsert(items: readonly FeedItem[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE observations (id INTEGER PRIMARY KEY, feed TEXT NOT NULL, entity_id TEXT NOT NULL, source_time INTEGER NOT NULL, received_at INTEGER NOT NULL, payload TEXT NOT NULL);
      CREATE INDEX observations_by_received_at ON observations (received_at);
      CREATE INDEX observations_by_entity ON observations (feed, entity_id, source_time);`);
    const insert = db.prepare('INSERT INTO observations (feed, entity_id, source_time, received_at, payload) VALUES (?, ?, ?, ?, ?)');
    const batch = db.transaction((rows: readonly FeedItem[], at: number) => {
      for (const row of rows) insert.run(row.feed, row.item.id, itemTime(row), at, JSON.stringify(row));
    });
    const started = performance.now();
    for (let i = 0; i < items.length; i += BATCH) batch(items.slice(i, i + BATCH), Date.now());
    return (items.length / (performance.now() - started)) * 1000;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Observations per second through the console: mapped and validated, applied to the hub, logged and kept as latest. */
async function consoleIngest(raws: readonly unknown[]): Promise<{ rate: number; refused: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const store = createStore({ dir });
  await store.open();
  const events = createEventHub();
  const bound: { sink?: FeedSink } = {};
  const source: FeedSource = { name: 'bench', feeds: ['traffic', 'units', 'incidents'], capabilities: { snapshot: false, live: true, actions: false }, start: (s) => void (bound.sink = s), stop: () => Promise.resolve() };
  const hub = createLiveHub({ source, events, platform: 'bench', flushMs: 5, healthMs: 600_000 });
  let flushes = 0;
  const off = events.subscribe((channel) => void (channel === 'state:changes' && flushes++));
  hub.start();
  let refused = 0;
  try {
    const started = performance.now();
    let writing: Promise<void> = Promise.resolve();
    // Flushes counted when the last batch went in (synchronously, before any timer could run): one more means it is out.
    let seen = 0;
    for (let i = 0; i < raws.length; i += BATCH) {
      const receivedAt = Date.now();
      const byFeed = new Map<FeedId, FeedItem[]>();
      for (const raw of raws.slice(i, i + BATCH)) {
        const mapped = mapEntity(raw, { area: PHUKET, receivedAt });
        if (!mapped.ok) {
          refused++;
          continue;
        }
        const list = byFeed.get(mapped.value.feed) ?? [];
        list.push(mapped.value);
        byFeed.set(mapped.value.feed, list);
      }
      for (const [feed, items] of byFeed) bound.sink?.changes(feed, items, receivedAt, null);
      seen = flushes;
      const records = [...byFeed.values()].flat().map((item) => observationRecord(item, receivedAt));
      writing = writing.then(() => store.appendObservations(records));
      // Let the hub's flush timer and the store's worker replies run, as they would between notifications.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    await until(() => flushes > seen, 10_000, 'the last change batch to reach the windows');
    return { rate: (raws.length / (performance.now() - started)) * 1000, refused };
  } finally {
    off();
    await hub.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(ctx: BenchContext): Promise<Metric[]> {
  const count = ctx.smoke ? 600 : 50_000;
  const rounds = ctx.smoke ? 1 : 3;
  const raws = await cityEntities(count);
  const items = raws.flatMap((raw) => {
    const mapped = mapEntity(raw, { area: PHUKET, receivedAt: Date.now() });
    return mapped.ok ? [mapped.value] : [];
  });
  const ratios: number[] = [];
  const ours: number[] = [];
  const raw: number[] = [];
  let refused = 0;
  for (let r = 0; r < rounds; r++) {
    raw.push(rawInsert(items));
    const result = await consoleIngest(raws);
    ours.push(result.rate);
    refused = result.refused;
    ratios.push(result.rate / (raw.at(-1) ?? Number.NaN));
    ctx.log(`ingest round ${r + 1}: console ${result.rate.toFixed(0)} obs/s, raw insert ${(raw.at(-1) ?? 0).toFixed(0)} rows/s`);
  }
  return [
    metric(ctx, 'ingest_ratio', median(ratios), 'ratio', atLeast(0.5), `${count} observations, median of ${rounds} interleaved rounds`),
    metric(ctx, 'ingest_obs_per_s', median(ours), 'obs/s', null, refused > 0 ? `${refused} refused by validation` : undefined),
    metric(ctx, 'ingest_raw_rows_per_s', median(raw), 'rows/s', null),
  ];
}

export const ingest: Bench = { name: 'ingest', browser: false, run };
