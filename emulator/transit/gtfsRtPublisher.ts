import { createHash } from 'node:crypto';
import type { FeedPublisher, FeedPublisherContext } from '../feeds/publisher';
import type { Reply } from '../http/reply';
import { problem } from '../http/reply';
import { encodeVehiclePositions } from './feedEncoder';
import { pksbAssets } from './pksbAssets';
import type { PksbSchedule } from './schedule';
import { createPksbSchedule } from './schedule';

export const VEHICLE_POSITIONS_PATH = '/gtfs-rt/vehicle-positions.pb';

interface Encoded {
  readonly second: number;
  readonly bytes: Uint8Array;
  readonly etag: string;
}

/**
 * The Phuket Smart Bus as its operator would publish it: GTFS-realtime VehiclePositions of the buses the
 * timetable and headways put on the road at the simulated time. The body is made once per simulated second,
 * so two polls in the same second get the same bytes (and a 304 with the ETag).
 */
export function createGtfsRtPublisher(context: FeedPublisherContext, schedule: PksbSchedule = createPksbSchedule(pksbAssets())): FeedPublisher {
  if (schedule.unassigned.length > 0) context.warn(`PKSB: no bus free for ${schedule.unassigned.length} trips (${schedule.unassigned.slice(0, 3).join(', ')}); skipped`);
  let cached: Encoded | null = null;

  const current = (): Encoded => {
    const second = Math.floor(context.now() / 1000);
    if (cached?.second === second) return cached;
    const bytes = encodeVehiclePositions(schedule.busesAt(second * 1000), context.stamp(second * 1000));
    cached = { second, bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 20)}"` };
    return cached;
  };

  return {
    name: 'PKSB GTFS-realtime',
    route(req, url): Reply | null {
      if (url.pathname !== VEHICLE_POSITIONS_PATH) return null;
      if (req.method !== 'GET' && req.method !== 'HEAD') return problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} is not supported here`, { Allow: 'GET, HEAD' });
      const body = current();
      const headers = { ETag: body.etag, 'Cache-Control': 'no-cache' };
      if (matches(req.headers['if-none-match'], body.etag)) return { status: 304, headers };
      const full = { ...headers, 'Content-Type': 'application/x-protobuf' };
      return req.method === 'HEAD' ? { status: 200, headers: full } : { status: 200, headers: full, raw: body.bytes };
    },
    tick() {
      // Nothing to step: the body is a function of the simulated time, made when asked for.
    },
  };
}

/** If-None-Match may list several tags, or `*`; weak tags compare equal (RFC 9110 §13.1.2). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}
