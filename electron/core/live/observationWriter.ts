import type { FeedItem } from '../../../shared/domain';
import type { ObservationRecord, Store } from '../store/api';
import { observationRecord } from './observationRecord';

/**
 * Batches accepted feed items into the observation log: one transaction a second however busy the feeds.
 * Observations can be fetched again, so while the disk refuses writes a batch is dropped (the store reports the fault).
 */
export function createObservationWriter(store: Store, flushMs = 1000): { add(items: readonly FeedItem[], receivedAt: number): void; stop(): Promise<void> } {
  let buffer: ObservationRecord[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (buffer.length === 0) return writing;
    const batch = buffer;
    buffer = [];
    writing = writing.then(() => store.appendObservations(batch)).catch((error: unknown) => console.error(`cache: ${String(error)}`));
    return writing;
  };
  const timer = setInterval(() => void flush(), flushMs);
  return {
    add(items, receivedAt) {
      for (const item of items) buffer.push(observationRecord(item, receivedAt));
    },
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
