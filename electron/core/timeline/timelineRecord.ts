import type { TimelineEvent } from '../../../shared/contract';
import { IncidentHistory, mergeEvents, replayEvents } from '../live/history';
import { log } from '../log/logger';
import type { Store } from '../store/api';

export type TimelineStore = Pick<Store, 'appendTimeline' | 'timelineOf' | 'incidentVersions'>;

export interface TimelineRecord {
  /** The live hub's history: every event it adds is written to the journal (batched). */
  readonly history: IncidentHistory;
  /** One incident's whole timeline: the journal's record, its replay from the observation log, and what is not yet written. */
  of(incidentId: string): Promise<TimelineEvent[]>;
  /** Writes what is pending now (on stop). */
  flush(): Promise<void>;
}

const FLUSH_MS = 250;
/** The contract's cap on one timeline: the newest are shown. */
const SHOWN = 1000;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The incident record. Events seen from the platform are written to journal.db a quarter second after they
 * happen, in batches, and this console's actions in the same transaction as the action itself; so after a
 * restart the timeline is the same, with the original times. An incident known only from the cache (seen
 * before this record existed) shows its history replayed from the observation log.
 */
export function createTimelineRecord(store: TimelineStore | null): TimelineRecord {
  let pending: { incidentId: string; event: TimelineEvent }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!store || pending.length === 0) return writing;
    const rows = pending;
    pending = [];
    // A failed write (disk full) is logged; the events stay in memory and the store's fault banner says why.
    writing = writing.then(() => store.appendTimeline(rows)).catch((error: unknown) => log().warn('timeline: could not record events', { events: rows.length, error: describe(error) }));
    return writing;
  };

  const history = new IncidentHistory(undefined, (incidentId, added) => {
    if (!store) return;
    for (const event of added) pending.push({ incidentId, event });
    if (timer === null) {
      timer = setTimeout(() => void flush(), FLUSH_MS);
      timer.unref();
    }
  });

  return {
    history,
    flush,
    async of(incidentId) {
      const memory = history.of(incidentId);
      if (!store) return memory.slice(-SHOWN);
      await flush();
      const [stored, versions] = await Promise.all([store.timelineOf(incidentId), store.incidentVersions(incidentId)]);
      return mergeEvents(incidentId, mergeEvents(incidentId, stored, replayEvents(versions)), memory).slice(-SHOWN);
    },
  };
}
