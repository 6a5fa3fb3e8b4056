import type { FeedSource } from '../source';
import { createPolledSource } from '../poll/polledSource';
import { decodeVehiclePositions } from './decodeFeed';

export interface GtfsRtSourceOptions {
  /** Shown in feed health; default "GTFS-realtime buses". */
  readonly name?: string;
  /** The VehiclePositions feed, e.g. the emulator's /gtfs-rt/vehicle-positions.pb. */
  readonly url: string;
  readonly pollMs: number;
  readonly fetchImpl?: typeof fetch;
  readonly now?: () => number;
}

/** A whole-island fleet is a few kB; a body far past that is not a vehicle feed. */
const MAX_FEED_BYTES = 2 * 1024 * 1024;

/**
 * Bus positions from a GTFS-realtime VehiclePositions feed, polled with conditional GETs. The source keeps
 * the last applied header time, so an older body is refused rather than moving buses back.
 */
export function createGtfsRtSource(options: GtfsRtSourceOptions): FeedSource {
  let lastHeaderAt: number | null = null;
  return createPolledSource({
    name: options.name ?? 'GTFS-realtime buses',
    feed: 'buses',
    url: options.url,
    pollMs: options.pollMs,
    maxBytes: MAX_FEED_BYTES,
    accept: 'application/x-protobuf, application/octet-stream;q=0.5',
    ...(options.fetchImpl === undefined ? {} : { fetchImpl: options.fetchImpl }),
    ...(options.now === undefined ? {} : { now: options.now }),
    decode: (body, { receivedAt }) => {
      const decoded = decodeVehiclePositions(body, receivedAt, lastHeaderAt);
      lastHeaderAt = decoded.headerAt ?? lastHeaderAt;
      return Promise.resolve(decoded);
    },
  });
}
