import { itemEndedAt, itemTime } from '../../../shared/domain';
import type { FeedItem } from '../../../shared/domain';
import type { ObservationRecord } from '../store/api';

/**
 * An accepted item as the observation log takes it: its times from the feed registry, and its domain item
 * serialized here, once. The log stores that JSON; sent as a string it crosses to the store's worker as one
 * copy rather than a structured clone of every coordinate, and the worker has nothing left to stringify.
 */
export function observationRecord(entry: FeedItem, receivedAt: number): ObservationRecord {
  return { feed: entry.feed, entityId: entry.item.id, sourceTime: itemTime(entry), endedAt: itemEndedAt(entry), receivedAt, payload: JSON.stringify(entry.item) };
}
