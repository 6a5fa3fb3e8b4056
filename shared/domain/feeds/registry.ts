import { z } from 'zod';
import { Incident, RoadSegmentState, Unit } from '../model';
import { Bus } from './bus';
import { CitizenReport } from './citizenReport';
import { Warning } from './warning';

/**
 * Every kind of live item the console follows, as data. The core's state, the cache, the contract's
 * snapshot, feed health and the renderer's legend all iterate this; a new kind is one entry here plus its
 * schema, a mapper in its source and a layer factory in the renderer (the compiler names what is missing).
 */
export const FeedId = z.enum(['traffic', 'units', 'incidents', 'warnings', 'buses', 'reports']);
export type FeedId = z.infer<typeof FeedId>;
export const FEED_IDS = FeedId.options;

export interface FeedKindSpec<S extends z.ZodType<{ id: string }>> {
  /** The domain schema every item of the kind is parsed against at the boundary. */
  readonly item: S;
  /** The item's own time: latest wins by it when the broker gives no modification time. */
  readonly time: (item: z.infer<S>) => number;
  /** The most the core holds; new items past it are refused, so ordinary growth never reaches it. */
  readonly cap: number;
  /** Which items matter most when a snapshot has to be cut (first kept). */
  readonly order: (a: z.infer<S>, b: z.infer<S>) => number;
  /** When the item stopped mattering (closed, expired, done), or null while it still does: pruned after the retention. */
  readonly endedAt: (item: z.infer<S>) => number | null;
  /** Over this silence the feed is degraded (a stalled stream or poll); null when silence is normal (incidents, warnings). */
  readonly silenceMs: number | null;
  /**
   * Comes as a stream of notifications (NGSI-LD): when every streamed feed falls silent the platform link is
   * stalled. A polled feed (CAP, GTFS-realtime, reports) reports its own link instead, so it never hides a stall.
   */
  readonly streamed: boolean;
}

const kind = <S extends z.ZodType<{ id: string }>>(spec: FeedKindSpec<S>): FeedKindSpec<S> => spec;

const newestFirst = (a: { observedAt: number }, b: { observedAt: number }): number => b.observedAt - a.observedAt;
const isOpen = (incident: Incident): boolean => incident.status !== 'closed' && incident.status !== 'resolved';
const SEVERITY_RANK = { Extreme: 4, Severe: 3, Moderate: 2, Minor: 1, Unknown: 0 } as const;

export const FEED_KINDS = {
  traffic: kind({ item: RoadSegmentState, time: (s) => s.observedAt, cap: 50_000, order: newestFirst, endedAt: () => null, silenceMs: 30_000, streamed: true }),
  units: kind({ item: Unit, time: (u) => u.observedAt, cap: 5_000, order: newestFirst, endedAt: () => null, silenceMs: 30_000, streamed: true }),
  incidents: kind({
    item: Incident,
    time: (i) => i.updatedAt,
    cap: 50_000,
    // Open incidents first, then the most recently updated.
    order: (a, b) => Number(isOpen(b)) - Number(isOpen(a)) || b.updatedAt - a.updatedAt,
    endedAt: (i) => (i.status === 'closed' ? i.updatedAt : null),
    silenceMs: null,
    streamed: true,
  }),
  warnings: kind({
    item: Warning,
    time: (w) => w.sentAt,
    cap: 2_000,
    order: (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.sentAt - a.sentAt,
    endedAt: (w) => w.expiresAt,
    silenceMs: null,
    streamed: false,
  }),
  buses: kind({ item: Bus, time: (b) => b.observedAt, cap: 2_000, order: newestFirst, endedAt: () => null, silenceMs: 90_000, streamed: false }),
  reports: kind({
    item: CitizenReport,
    time: (r) => r.observedAt,
    cap: 20_000,
    order: newestFirst,
    endedAt: (r) => (r.status === 'done' || r.status === 'rejected' ? r.observedAt : null),
    silenceMs: null,
    streamed: false,
  }),
} satisfies { [F in FeedId]: FeedKindSpec<z.ZodType<ItemTypes[F]>> };

/** The domain item of each feed, named so the compiler can follow an item's type from its feed. */
interface ItemTypes {
  traffic: RoadSegmentState;
  units: Unit;
  incidents: Incident;
  warnings: Warning;
  buses: Bus;
  reports: CitizenReport;
}
/** The domain item of a feed. */
export type ItemOf<F extends FeedId> = ItemTypes[F];

/** One validated item, tagged with its feed. `modifiedAt` is the broker's own modification time when it gave one. */
export type FeedItemOf<F extends FeedId> = { feed: F; item: ItemOf<F>; modifiedAt?: number };
export type FeedItem = { [F in FeedId]: FeedItemOf<F> }[FeedId];

/** One value per feed, made by asking for each: the registry's way to build per-feed records without a cast. */
export const perFeed = <T>(make: (feed: FeedId) => T): Record<FeedId, T> => ({
  traffic: make('traffic'),
  units: make('units'),
  incidents: make('incidents'),
  warnings: make('warnings'),
  buses: make('buses'),
  reports: make('reports'),
});

/** Each feed's name in the contract's snapshot and change batches (traffic's items are road segments). */
export const KIND_OF_FEED = { traffic: 'segments', units: 'units', incidents: 'incidents', warnings: 'warnings', buses: 'buses', reports: 'reports' } as const satisfies Record<FeedId, string>;
export type LiveKind = (typeof KIND_OF_FEED)[FeedId];
export type KeyOf<F extends FeedId> = (typeof KIND_OF_FEED)[F];
export const LIVE_KINDS: readonly LiveKind[] = FEED_IDS.map((f) => KIND_OF_FEED[f]);
const ITEM_OF: { [F in FeedId]: (entry: FeedItem) => ItemOf<F> | null } = {
  traffic: (e) => (e.feed === 'traffic' ? e.item : null),
  units: (e) => (e.feed === 'units' ? e.item : null),
  incidents: (e) => (e.feed === 'incidents' ? e.item : null),
  warnings: (e) => (e.feed === 'warnings' ? e.item : null),
  buses: (e) => (e.feed === 'buses' ? e.item : null),
  reports: (e) => (e.feed === 'reports' ? e.item : null),
};

/** The items of one feed among tagged entries, typed as that feed's (the tag is checked, not assumed). */
export function itemsOf<F extends FeedId>(feed: F, entries: Iterable<FeedItem>): ItemOf<F>[] {
  const out: ItemOf<F>[] = [];
  for (const entry of entries) {
    const item = ITEM_OF[feed](entry);
    if (item !== null) out.push(item);
  }
  return out;
}
const FEED_BY_KIND = new Map<string, FeedId>(FEED_IDS.map((f) => [KIND_OF_FEED[f], f]));
export const feedOfKind = (kind: LiveKind): FeedId => FEED_BY_KIND.get(kind) ?? 'traffic';

/** Each feed's item time, through one function per feed so the item's type follows its feed. */
const TIMES: { [F in FeedId]: (item: ItemOf<F>) => number } = {
  traffic: FEED_KINDS.traffic.time,
  units: FEED_KINDS.units.time,
  incidents: FEED_KINDS.incidents.time,
  warnings: FEED_KINDS.warnings.time,
  buses: FEED_KINDS.buses.time,
  reports: FEED_KINDS.reports.time,
};
const ENDED: { [F in FeedId]: (item: ItemOf<F>) => number | null } = {
  traffic: FEED_KINDS.traffic.endedAt,
  units: FEED_KINDS.units.endedAt,
  incidents: FEED_KINDS.incidents.endedAt,
  warnings: FEED_KINDS.warnings.endedAt,
  buses: FEED_KINDS.buses.endedAt,
  reports: FEED_KINDS.reports.endedAt,
};

const SCHEMAS: { [F in FeedId]: z.ZodType<ItemOf<F>> } = {
  traffic: FEED_KINDS.traffic.item,
  units: FEED_KINDS.units.item,
  incidents: FEED_KINDS.incidents.item,
  warnings: FEED_KINDS.warnings.item,
  buses: FEED_KINDS.buses.item,
  reports: FEED_KINDS.reports.item,
};

const ORDERS: { [F in FeedId]: (a: ItemOf<F>, b: ItemOf<F>) => number } = {
  traffic: FEED_KINDS.traffic.order,
  units: FEED_KINDS.units.order,
  incidents: FEED_KINDS.incidents.order,
  warnings: FEED_KINDS.warnings.order,
  buses: FEED_KINDS.buses.order,
  reports: FEED_KINDS.reports.order,
};

/** How a feed's items are ranked when a list must be cut (what matters most first). */
export const itemOrder = <F extends FeedId>(feed: F): ((a: ItemOf<F>, b: ItemOf<F>) => number) => ORDERS[feed];
export const itemTime = <F extends FeedId>(entry: FeedItemOf<F>): number => TIMES[entry.feed](entry.item);
export const itemEndedAt = <F extends FeedId>(entry: FeedItemOf<F>): number | null => ENDED[entry.feed](entry.item);

const PARSERS: { [F in FeedId]: (value: unknown) => FeedItemOf<F> | null } = {
  traffic: (v) => parsed('traffic', SCHEMAS.traffic.safeParse(v)),
  units: (v) => parsed('units', SCHEMAS.units.safeParse(v)),
  incidents: (v) => parsed('incidents', SCHEMAS.incidents.safeParse(v)),
  warnings: (v) => parsed('warnings', SCHEMAS.warnings.safeParse(v)),
  buses: (v) => parsed('buses', SCHEMAS.buses.safeParse(v)),
  reports: (v) => parsed('reports', SCHEMAS.reports.safeParse(v)),
};
function parsed<F extends FeedId>(feed: F, result: z.ZodSafeParseResult<ItemOf<F>>): FeedItemOf<F> | null {
  return result.success ? { feed, item: result.data } : null;
}

/** Parses an unknown value as an item of the feed: for the cache and every other boundary. */
export const parseItem = (feed: FeedId, value: unknown): FeedItem | null => PARSERS[feed](value);

/** `FeedItem` as a schema, for values that cross a boundary tagged (the store's worker, the cache). */
export const FeedItemSchema = z.object({ feed: FeedId, item: z.unknown(), modifiedAt: z.number().finite().optional() }).transform((value, ctx): FeedItem => {
  const item = parseItem(value.feed, value.item);
  if (item === null) {
    ctx.addIssue({ code: 'custom', message: `not a valid ${value.feed} item` });
    return z.NEVER;
  }
  return value.modifiedAt === undefined ? item : { ...item, modifiedAt: value.modifiedAt };
});
