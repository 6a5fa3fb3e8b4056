import { z } from 'zod';
import { FEED_KINDS, FeedId } from '../domain';
import type { KeyOf } from '../domain';
import { CodedReason } from './reasons';

export type { LiveKind } from '../domain';

/**
 * The most a snapshot or a change batch carries of each kind (from the feed registry). The core keeps its
 * live state under these (new entities past them are refused, old ones pruned), so ordinary growth never reaches them.
 */
type PerKind<T> = { [F in FeedId as KeyOf<F>]: T };
export const LIVE_CAPS = {
  segments: FEED_KINDS.traffic.cap,
  units: FEED_KINDS.units.cap,
  incidents: FEED_KINDS.incidents.cap,
  warnings: FEED_KINDS.warnings.cap,
  buses: FEED_KINDS.buses.cap,
  reports: FEED_KINDS.reports.cap,
} as const satisfies PerKind<number>;

const Ids = z.array(z.string().max(256)).max(100_000);
const list = <S extends z.ZodType>(kind: { item: S; cap: number }) => z.array(kind.item).max(kind.cap);

/** Everything the console knows right now, one list per registered feed: what a window paints first. */
export const LiveSnapshot = z.object({
  segments: list(FEED_KINDS.traffic),
  units: list(FEED_KINDS.units),
  incidents: list(FEED_KINDS.incidents),
  warnings: list(FEED_KINDS.warnings),
  buses: list(FEED_KINDS.buses),
  reports: list(FEED_KINDS.reports),
} satisfies PerKind<unknown>);
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;

/** What changed since the last batch, coalesced by the core; windows apply it incrementally. */
export const LiveChanges = LiveSnapshot.extend({
  removed: z.object({ segments: Ids, units: Ids, incidents: Ids, warnings: Ids, buses: Ids, reports: Ids } satisfies PerKind<typeof Ids>),
});
export type LiveChanges = z.infer<typeof LiveChanges>;

export const FeedState = z.enum(['connected', 'degraded', 'down']);
export type FeedState = z.infer<typeof FeedState>;

const Reason = z.object({ reason: z.string().max(300), at: z.number().int().nonnegative() });

/** The truth about one feed, for the feed-health panel. */
export const FeedHealth = z.object({
  feed: FeedId,
  state: FeedState,
  /** Why it is degraded or down, in words an operator can act on. */
  detail: z.string().max(300),
  /** The same, coded for translation; `detail` stays for logs and as the fallback. */
  reason: CodedReason.optional(),
  lastMessageAt: z.number().int().nonnegative().nullable(),
  /** Receive time minus the platform's notification time, for the latest message. */
  lagMs: z.number().finite().nullable(),
  messagesPerSecond: z.number().finite().nonnegative(),
  /** How many of the feed's items the console holds now. */
  items: z.number().int().nonnegative(),
  /** Entities and listings refused at the boundary (bad data, a broker that ignores paging or lies in its counts). */
  rejected: z.number().int().nonnegative(),
  lastRejection: Reason.nullable(),
  /**
   * Data kept but changed to be safe: a time far in the future clamped to the receive time, a listing
   * or snapshot trimmed to its cap. Counted, never degrading on its own.
   */
  adjusted: z.number().int().nonnegative().optional(),
  lastAdjustment: Reason.nullable().optional(),
  /** The NGSI-LD entity types this feed follows, e.g. Alert and RoadAccident for incidents. */
  entityTypes: z.array(z.string().max(100)).max(10).optional(),
});
export type FeedHealth = z.infer<typeof FeedHealth>;

/** One link of a source: the NGSI-LD broker itself, and the way notifications arrive (MQTT broker or HTTP endpoint). */
export const SourceLinkHealth = z.object({
  id: z.enum(['broker', 'mqtt', 'http', 'poll']),
  /** The one feed a polled link serves, so the panel can name it in the operator's language. */
  feed: FeedId.optional(),
  /** Which source the link belongs to (its name, e.g. the broker's host), when a console runs several sources. */
  source: z.string().max(200).optional(),
  /** Where it goes, e.g. the broker's or MQTT broker's host. */
  target: z.string().max(200),
  state: z.enum(['connecting', 'open', 'closed']),
  detail: z.string().max(300),
  reason: CodedReason.optional(),
  since: z.number().int().nonnegative(),
});
export type SourceLinkHealth = z.infer<typeof SourceLinkHealth>;

export const FeedHealthReport = z.object({
  at: z.number().int().nonnegative(),
  /** The platform link as a whole: down with no connection, stalled when connected but silent, and since when. */
  link: z.object({ state: z.enum(['up', 'stalled', 'down']), since: z.number().int().nonnegative() }),
  /** Where the console gets its data from, e.g. "emulator" or the platform's host name. */
  platform: z.string().max(200),
  feeds: z.array(FeedHealth).max(10),
  /** Each link of each source on its own: the platform is only live when all are open. */
  links: z.array(SourceLinkHealth).max(16).optional(),
  /** Failures the core caught and survived (a throwing listener, a timer, an unhandled rejection): counted and logged. */
  core: z.object({ faults: z.number().int().nonnegative(), lastFault: Reason.nullable() }).optional(),
});
export type FeedHealthReport = z.infer<typeof FeedHealthReport>;
