import { compareVersions, FEED_IDS, itemEndedAt, itemsOf, itemTime, perFeed } from '../../../shared/domain';
import type { FeedId, FeedItem, Incident, ItemOf, RoadSegmentState, Unit } from '../../../shared/domain';
import { buildRemoved, buildSnapshot, LIVE_CAPS } from '../../../shared/contract';
import type { LiveChanges, LiveSnapshot } from '../../../shared/contract';
import { KIND_OF_FEED } from './caps';

export interface ApplyCounts {
  applied: number;
  stale: number;
  duplicate: number;
  /** New entities refused because the feed already holds its cap. */
  refused: number;
}

/** How far ahead of our clock a held time may be before it stops guarding latest-wins (see MAX_FUTURE_MS). */
const FUTURE_SLACK_MS = 5 * 60_000;

/** Changes waiting to go to the windows; an entity changed twice before a flush is sent once, as it is now. */
export class PendingChanges {
  private readonly upserts = perFeed(() => new Map<string, FeedItem>());
  private readonly removals = perFeed(() => new Set<string>());

  upsert(entry: FeedItem): void {
    this.removals[entry.feed].delete(entry.item.id);
    this.upserts[entry.feed].set(entry.item.id, entry);
  }

  remove(feed: FeedId, id: string): void {
    this.upserts[feed].delete(id);
    this.removals[feed].add(id);
  }

  isEmpty(): boolean {
    return FEED_IDS.every((f) => this.upserts[f].size === 0 && this.removals[f].size === 0);
  }

  /** Hands over what is pending and starts afresh. */
  take(): LiveChanges {
    const changes: LiveChanges = {
      ...buildSnapshot((feed) => itemsOf(feed, this.upserts[feed].values())),
      removed: buildRemoved((feed) => [...this.removals[feed]]),
    };
    for (const f of FEED_IDS) {
      this.upserts[f].clear();
      this.removals[f].clear();
    }
    return changes;
  }
}

const timeOf = (entry: FeedItem): number => itemTime(entry);

/**
 * Latest wins. When the broker stamped both versions (NGSI-LD `modifiedAt`, asked for with sysAttrs) its
 * order decides: a listing read before a notification, or a notification buffered during a listing, then
 * cannot undo a newer change, even one the entity's own times do not show. Otherwise the entity's own time does.
 */
function versionOrder(held: FeedItem | undefined, incoming: FeedItem) {
  if (held?.modifiedAt !== undefined && incoming.modifiedAt !== undefined) return compareVersions(held, incoming, (e) => e.modifiedAt ?? 0);
  return compareVersions(held, incoming, timeOf);
}

/**
 * The latest known state of every entity. Older and duplicate observations stop here, so only real
 * changes travel on to the windows. It is bounded: each feed holds at most its contract cap, and
 * `prune` forgets what the platform has not mentioned within the retention and incidents closed long ago.
 */
export class LiveState {
  private readonly entries = perFeed(() => new Map<string, FeedItem>());
  /** Items known only from the local cache: whatever the platform says next replaces them, whatever its clock says. */
  private readonly cached = new Set<string>();
  /** Bumped whenever a road segment appears or goes: what the routing graph is built from changed. */
  segmentsVersion = 0;
  /** When the platform last mentioned each entity (our clock), for retention. */
  private readonly seenAt = perFeed(() => new Map<string, number>());

  constructor(
    private readonly now: () => number = Date.now,
    private readonly caps: Partial<Record<FeedId, number>> = {},
  ) {}

  /** The last-known picture from the cache, painted before any feed connects. */
  seed(items: readonly FeedItem[], pending: PendingChanges): void {
    this.apply(items, pending);
    for (const entry of items) this.cached.add(`${entry.feed}:${entry.item.id}`);
  }

  apply(items: readonly FeedItem[], pending: PendingChanges): ApplyCounts {
    const counts = { applied: 0, stale: 0, duplicate: 0, refused: 0 };
    const at = this.now();
    for (const entry of items) {
      const map = this.entries[entry.feed];
      const held = map.get(entry.item.id);
      if (!held && map.size >= (this.caps[entry.feed] ?? LIVE_CAPS[KIND_OF_FEED[entry.feed]])) {
        counts.refused++;
        continue;
      }
      this.seenAt[entry.feed].set(entry.item.id, at);
      const key = `${entry.feed}:${entry.item.id}`;
      // A platform restarted with an earlier clock (or a replay) must not be hidden behind our own cache,
      // nor behind a time from the future that slipped in before times were bounded.
      const fromCache = this.cached.delete(key);
      const fromFuture = held !== undefined && timeOf(held) > at + FUTURE_SLACK_MS;
      const compared = versionOrder(held, entry);
      const verdict = (fromCache || fromFuture) && compared === 'stale' ? 'apply' : compared;
      if (verdict === 'apply') {
        if (held === undefined && entry.feed === 'traffic') this.segmentsVersion++;
        map.set(entry.item.id, entry);
        pending.upsert(entry);
        counts.applied++;
      } else counts[verdict]++;
    }
    return counts;
  }

  /** The platform deleted it (an entityDeleted notification): gone from the state and from every window. */
  remove(feed: FeedId, id: string, pending: PendingChanges): boolean {
    if (!this.entries[feed].has(id)) return false;
    this.forget(feed, id, pending);
    return true;
  }

  private forget(feed: FeedId, id: string, pending: PendingChanges): void {
    if (feed === 'traffic' && this.entries.traffic.has(id)) this.segmentsVersion++;
    this.entries[feed].delete(id);
    this.seenAt[feed].delete(id);
    this.cached.delete(`${feed}:${id}`);
    pending.remove(feed, id);
  }

  /**
   * Forgets entities the platform has not mentioned since `before`, and those that ended before it
   * (incidents closed, warnings expired, reports done: each feed's registry entry says when).
   * Returns what was forgotten, so the caller can drop what it keeps beside them.
   */
  prune(before: number, pending: PendingChanges): { feed: FeedId; id: string }[] {
    const gone: { feed: FeedId; id: string }[] = [];
    for (const feed of FEED_IDS) {
      for (const [id, entry] of this.entries[feed]) {
        const ended = itemEndedAt(entry);
        if ((ended !== null && ended < before) || (this.seenAt[feed].get(id) ?? 0) < before) gone.push({ feed, id });
      }
    }
    for (const { feed, id } of gone) this.forget(feed, id, pending);
    return gone;
  }

  /** A full listing of one feed: applies it and forgets what the platform no longer lists (closed and archived meanwhile). */
  replaceFeed(feed: FeedId, items: readonly FeedItem[], pending: PendingChanges): ApplyCounts {
    const listed = new Set(items.map((i) => i.item.id));
    const map = this.entries[feed];
    for (const id of [...map.keys()]) if (!listed.has(id)) this.forget(feed, id, pending);
    return this.apply(items, pending);
  }

  snapshot(): LiveSnapshot {
    return buildSnapshot((feed) => itemsOf(feed, this.entries[feed].values()));
  }

  incident(id: string): Incident | undefined {
    const entry = this.entries.incidents.get(id);
    return entry?.feed === 'incidents' ? entry.item : undefined;
  }

  /** Every item of one feed as it is now, without copying the others. */
  items<F extends FeedId>(feed: F): ItemOf<F>[] {
    return itemsOf(feed, this.entries[feed].values());
  }

  segment(id: string): RoadSegmentState | undefined {
    const entry = this.entries.traffic.get(id);
    return entry?.feed === 'traffic' ? entry.item : undefined;
  }

  unit(id: string): Unit | undefined {
    const entry = this.entries.units.get(id);
    return entry?.feed === 'units' ? entry.item : undefined;
  }

  count(feed: FeedId): number {
    return this.entries[feed].size;
  }
}
