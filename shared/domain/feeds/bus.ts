import { z } from 'zod';
import { LonLat } from '../model';

const Millis = z.number().int().nonnegative();

/** A Phuket Smart Bus (or any GTFS-realtime vehicle): where it is and which route it runs. */
export const Bus = z.object({
  /** The GTFS-realtime FeedEntity id, stable across updates. */
  id: z.string().min(1).max(256),
  /** The vehicle's label or licence plate, as shown on its side. */
  label: z.string().max(60).nullable(),
  routeId: z.string().max(100).nullable(),
  tripId: z.string().max(200).nullable(),
  position: LonLat,
  /** Degrees clockwise from north; null when the feed does not say. */
  bearingDeg: z.number().finite().min(0).max(360).nullable(),
  speedKmh: z.number().finite().min(0).max(250).nullable(),
  /** The vehicle's own fix time (VehiclePosition.timestamp, or the header's). Older than 90 s is stale. */
  observedAt: Millis,
});
export type Bus = z.infer<typeof Bus>;

/** A bus position older than this is drawn as stale. */
export const BUS_STALE_MS = 90_000;
