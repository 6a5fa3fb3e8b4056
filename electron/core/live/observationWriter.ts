import type { FeedItem } from '../feeds/ngsi/mapEntity';
import type { ObservationRecord, Store } from '../store/api';

const sourceTime = (entry: FeedItem): number => (entry.feed === 'incidents' ? entry.item.updatedAt : entry.item.observedAt);

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
      for (const item of items) buffer.push({ feed: item.feed, entityId: item.item.id, sourceTime: sourceTime(item), receivedAt, item });
    },
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
