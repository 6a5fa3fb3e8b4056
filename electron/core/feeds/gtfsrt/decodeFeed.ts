import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { FeedItem } from '../../../../shared/domain';
import type { Decoded } from '../poll/polledSource';
import { boundedTime } from '../ngsi/common';
import { entityId, mapVehiclePosition, secondsToMs } from './mapVehiclePosition';

const { FeedMessage, FeedHeader } = GtfsRealtimeBindings.transit_realtime;

/** A body that is not a usable feed: thrown, so the polled source refuses the whole body, counts it and polls on. */
export class GtfsRtRefused extends Error {
  override readonly name = 'GtfsRtRefused';
}

export interface DecodedFeed extends Decoded {
  /**
   * The header's time as the publisher sent it (ms): the next body must not be older. Ordered on the raw
   * time, because a publisher whose clock runs ahead would otherwise have some headers clamped to our
   * clock and others not, and a newer body would look older.
   */
  readonly headerAt: number | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A GTFS-realtime FeedMessage → buses. FULL_DATASET lists every vehicle (what is missing is gone);
 * DIFFERENTIAL lists changes and `is_deleted` removals. A body older (by its header) than the last one
 * applied is refused, so a lagging mirror or cache cannot move buses back in time.
 */
export function decodeVehiclePositions(body: Uint8Array, receivedAt: number, lastHeaderAt: number | null): DecodedFeed {
  let message: GtfsRealtimeBindings.transit_realtime.FeedMessage;
  try {
    message = FeedMessage.decode(body);
  } catch (error) {
    throw new GtfsRtRefused(`not a GTFS-realtime FeedMessage (${body.byteLength} bytes): ${error instanceof Error ? error.message : String(error)}`.slice(0, 200));
  }
  const header = message.header;
  const adjusted: string[] = [];
  const headerMs = Object.prototype.hasOwnProperty.call(header, 'timestamp') ? secondsToMs(header.timestamp) : null;
  const headerAt = headerMs === null ? null : boundedTime(headerMs, 'feed header timestamp', receivedAt, adjusted);
  if (headerMs !== null && lastHeaderAt !== null && headerMs < lastHeaderAt) {
    throw new GtfsRtRefused(`stale feed: header ${iso(headerMs)} is older than the last applied ${iso(lastHeaderAt)}; ignored`);
  }
  const complete = header.incrementality !== FeedHeader.Incrementality.DIFFERENTIAL;

  const byId = new Map<string, FeedItem>();
  const removed: string[] = [];
  const rejected: string[] = [];
  for (const entity of message.entity) {
    if (entity.isDeleted) {
      // In a full dataset a deleted entity is simply absent; in a differential one it is gone.
      const id = entityId(entity);
      if (!complete && id !== '') removed.push(id);
      continue;
    }
    const mapped = mapVehiclePosition(entity, { receivedAt, headerAt });
    if (mapped === null) continue;
    if (!mapped.ok) {
      rejected.push(mapped.reason);
      continue;
    }
    if (mapped.adjusted !== undefined) adjusted.push(mapped.adjusted);
    if (byId.has(mapped.value.id)) adjusted.push(`${mapped.value.id}: listed twice; the last kept`);
    byId.set(mapped.value.id, { feed: 'buses', item: mapped.value });
  }
  const items = [...byId.values()];
  return complete
    ? { items, complete, rejected, adjusted, sentAt: headerAt, headerAt: headerMs }
    : { items, complete, removed, rejected, adjusted, sentAt: headerAt, headerAt: headerMs };
}
