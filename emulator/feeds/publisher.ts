import type { IncomingMessage } from 'node:http';
import type { City } from '../city/city';
import type { Reply } from '../http/reply';

/** What a publisher of a non-NGSI feed (CAP warnings, GTFS-realtime, citizen reports) is given. */
export interface FeedPublisherContext {
  readonly city: City;
  readonly seed: number;
  /** The simulated clock, ms: what a scenario's timeline follows. */
  now(): number;
  /**
   * A simulated time as the platform stamps it on what it publishes: projected onto the wall clock (the
   * start is the moment the emulator started, and simulated time is divided by the speed). A run started at
   * a chosen past moment (`--start`, `--speed 60`) then publishes warnings that are in force and positions
   * that are fresh for a console on today's clock, and a warning's 6 simulated hours last 6 minutes at 60x.
   */
  stamp(simMs: number): number;
  readonly warn: (message: string) => void;
}

/**
 * A feed the emulator serves over plain HTTP beside the NGSI-LD API, the way its real publisher does
 * (an Atom index of CAP messages, a GTFS-realtime protobuf, a GeoJSON collection).
 */
export interface FeedPublisher {
  readonly name: string;
  /** Answers the requests it owns; null hands the request on, body unread. */
  route(req: IncomingMessage, url: URL): Promise<Reply | null> | Reply | null;
  /** Each simulation tick, with the simulated time. */
  tick(simNowMs: number): void;
}

/** The first publisher that owns the request answers it. */
export async function routeFeeds(publishers: readonly FeedPublisher[], req: IncomingMessage, url: URL): Promise<Reply | null> {
  for (const publisher of publishers) {
    const reply = await publisher.route(req, url);
    if (reply !== null) return reply;
  }
  return null;
}
