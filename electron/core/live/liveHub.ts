import type { CodedReason, FeedHealth, FeedHealthReport, LiveChanges, LiveSnapshot, TimelineEvent } from '../../../shared/contract';
import type { FeedId, Incident, RoadSegmentState, Unit } from '../../../shared/domain';
import type { EventHub } from '../events';
import type { FeedTrack, HealthRules } from '../feeds/health';
import { assess, DEFAULT_RULES, newTrack, withAdjustment, withLink, withMessage, withRejection } from '../feeds/health';
import type { FeedItem } from '../feeds/ngsi/mapEntity';
import type { FeedSink, FeedSource, SourceLink } from '../feeds/source';
import { log } from '../log/logger';
import { faultSummary, guarded, recordFault } from '../processGuards';
import type { Trimmed } from '../state/caps';
import { capSnapshot, splitChanges } from '../state/caps';
import { FEED_KINDS, feedOfKind, LIVE_KINDS } from '../../../shared/domain';
import { LiveState, PendingChanges } from '../state/liveState';
import { arrivalEvent, IncidentHistory, incidentEvents } from './history';

export interface LiveHubOptions {
  readonly source: FeedSource;
  readonly events: EventHub;
  /** Shown in the feed-health panel: "emulator" or the platform's host. */
  readonly platform: string;
  readonly now?: () => number;
  /** How often changes are sent to windows: many platform messages become one window update. */
  readonly flushMs?: number;
  readonly healthMs?: number;
  readonly rules?: Record<FeedId, HealthRules>;
  /** Entities not mentioned for this long, and incidents closed this long ago, are forgotten. Default 7 days. */
  readonly retentionMs?: number;
  /** How often retention runs. Default hourly. */
  readonly pruneMs?: number;
  /** Every accepted item, for the local cache. */
  readonly onItems?: (items: readonly FeedItem[], receivedAt: number) => void;
  /** Told when the platform link comes back, after its state has been read again. */
  readonly onLinkUp?: () => void;
  /** The incident timelines; the console core passes one that writes them to the journal. */
  readonly history?: IncidentHistory;
}

export interface LiveHub {
  start(): void;
  stop(): Promise<void>;
  /** Paints the last-known state from the cache before any feed connects. */
  seed(items: readonly FeedItem[]): void;
  snapshot(): LiveSnapshot;
  health(): FeedHealthReport;
  /** The incident as the platform last said it, without local changes. */
  platformIncident(id: string): Incident | undefined;
  /** The unit as the platform last said it. */
  platformUnit(id: string): Unit | undefined;
  /** When the platform last sent this incident (our clock), or 0. */
  platformUpdatedAt(id: string): number;
  /** Shows incidents through local, not yet confirmed changes (the outbox's view). */
  setIncidentView(view: (incident: Incident) => Incident): void;
  /** Sends an incident to the windows again, e.g. after its local changes moved on. */
  refreshIncident(id: string): void;
  /** What this console has seen happen to an incident. */
  timeline(id: string): TimelineEvent[];
  /** What dispatch routing reads, straight from the live state (no snapshot copied per request). */
  routingView(): RoutingView;
}

export interface RoutingView {
  /** Changes whenever a road segment appears or goes: the graph is rebuilt only then. */
  readonly segmentsVersion: number;
  segments(): RoadSegmentState[];
  speedOf(segmentId: string): number | undefined;
  units(): Unit[];
  /** The incident as the console shows it (local changes included). */
  incident(id: string): Incident | undefined;
}

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * Feeds in, one latest state, coalesced changes and the health of every feed out to all windows.
 * Nothing here throws into a timer or back into the source: each sink call, flush and health tick is guarded.
 */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const now = options.now ?? Date.now;
  const rules = options.rules ?? DEFAULT_RULES;
  const retentionMs = options.retentionMs ?? WEEK_MS;
  const state = new LiveState(now);
  const pending = new PendingChanges();
  const tracks = new Map<FeedId, FeedTrack>(options.source.feeds.map((f) => [f, newTrack(f)]));
  const incidentSeenAt = new Map<string, number>();
  const timers: NodeJS.Timeout[] = [];
  let view = (incident: Incident) => incident;
  let link: FeedHealthReport['link'] = { state: 'down', since: now() };
  let sourceLinks: readonly SourceLink[] = [];
  const withTypes = (health: FeedHealth): FeedHealth => {
    const types = options.source.entityTypes?.[health.feed];
    return types ? { ...health, entityTypes: [...types] } : health;
  };

  const update = (feed: FeedId, change: (t: FeedTrack) => FeedTrack) => {
    const track = tracks.get(feed);
    if (track) tracks.set(feed, change(track));
  };

  /** Connected but every feed that should talk has gone quiet: the stream has stalled, since its last message. */
  const stalledSince = (at: number): number | null => {
    const talking = [...tracks.values()].filter((t) => FEED_KINDS[t.feed].streamed && rules[t.feed].silenceMs !== null);
    if (link.state !== 'up' || talking.length === 0) return null;
    const silent = talking.every((t) => at - (t.lastMessageAt ?? at) > (rules[t.feed].silenceMs ?? Infinity));
    return silent ? Math.max(...talking.map((t) => t.lastMessageAt ?? 0)) : null;
  };

  const health = (): FeedHealthReport => {
    const at = now();
    const stalled = stalledSince(at);
    return {
      at,
      link: stalled === null ? link : { state: 'stalled', since: stalled },
      platform: options.platform,
      feeds: [...tracks.values()].map((t) => withTypes({ ...assess(t, at, rules[t.feed]), items: state.count(t.feed) })),
      ...(sourceLinks.length > 0 ? { links: sourceLinks.slice(0, 16).map((l) => ({ ...l, ...(l.source === undefined ? {} : { source: l.source.slice(0, 200) }), target: l.target.slice(0, 200), detail: l.detail.slice(0, 300) })) } : {}),
      core: faultSummary(),
    };
  };

  const history = options.history ?? new IncidentHistory();
  /** Reads what changed before the items are applied, so each version is compared with the one before it. */
  const recordHistory = (items: readonly FeedItem[], at: number) => {
    for (const entry of items) {
      if (entry.feed === 'incidents') history.add(entry.item.id, incidentEvents(state.incident(entry.item.id), entry.item, at));
      if (entry.feed === 'units') {
        const arrival = arrivalEvent(state.unit(entry.item.id), entry.item, at);
        if (arrival) history.add(arrival.incidentId, [arrival.event]);
      }
    }
  };
  const noteIncidents = (items: readonly FeedItem[], at: number) => {
    for (const entry of items) if (entry.feed === 'incidents') incidentSeenAt.set(entry.item.id, at);
    options.onItems?.(items, at);
  };
  const counted = (feed: FeedId, refused: number, at: number) => {
    if (refused > 0) update(feed, (t) => withRejection(t, `${refused} new ${feed} refused: the console holds its limit of them`, at));
  };

  /** A cut made to fit the contract is said in feed health and the log, never silent. */
  const reportTrimmed = (trimmed: Trimmed, what: string) => {
    const at = now();
    for (const kind of LIVE_KINDS) {
      const count = trimmed[kind];
      if (count === undefined) continue;
      const reason = `${what} trimmed: ${count} ${kind} over the limit left out (open and newest kept)`;
      log().warn(reason, { kind, count });
      update(feedOfKind(kind), (t) => withAdjustment(t, reason, at));
    }
  };

  /** The outbox's view of one incident; should it fail, the platform's own version is shown rather than nothing. */
  const viewOf = (incident: Incident): Incident => {
    try {
      return view(incident);
    } catch (error) {
      recordFault('incident view', error);
      return incident;
    }
  };

  const flush = guarded('live flush', () => {
    if (pending.isEmpty()) return;
    const changes = pending.take();
    const viewed: LiveChanges = { ...changes, incidents: changes.incidents.map(viewOf) };
    for (const batch of splitChanges(viewed)) options.events.emit('state:changes', batch);
  });
  const emitHealth = guarded('feed health', () => options.events.emit('feed:health-changed', health()));

  const prune = guarded('live retention', () => {
    const gone = state.prune(now() - retentionMs, pending);
    for (const { feed, id } of gone) {
      if (feed !== 'incidents') continue;
      incidentSeenAt.delete(id);
      history.forget(id);
    }
    if (gone.length > 0) log().info('live state pruned', { forgotten: gone.length });
  });

  const sink: FeedSink = {
    snapshot: guarded('feed snapshot', (feed: FeedId, items: FeedItem[], receivedAt: number) => {
      recordHistory(items, receivedAt);
      const { applied, refused } = state.replaceFeed(feed, items, pending);
      noteIncidents(items, receivedAt);
      update(feed, (t) => withMessage(t, receivedAt, null, applied, rules[feed]));
      counted(feed, refused, receivedAt);
    }),
    changes: guarded('feed changes', (feed: FeedId, items: FeedItem[], receivedAt: number, sentAt: number | null) => {
      recordHistory(items, receivedAt);
      const { applied, refused } = state.apply(items, pending);
      noteIncidents(items, receivedAt);
      update(feed, (t) => withMessage(t, receivedAt, sentAt, applied, rules[feed]));
      counted(feed, refused, receivedAt);
    }),
    rejected: guarded('feed rejection', (feed: FeedId, reason: string, at: number) => update(feed, (t) => withRejection(t, reason, at))),
    removed: guarded('feed removal', (feed: FeedId, ids: string[], at: number) => {
      let removed = 0;
      for (const id of ids) {
        if (!state.remove(feed, id, pending)) continue;
        removed++;
        if (feed === 'incidents') {
          incidentSeenAt.delete(id);
          history.forget(id);
        }
      }
      update(feed, (t) => withMessage(t, at, null, 0, rules[feed]));
      if (removed > 0) log().info('entities deleted by the platform', { feed, removed });
    }),
    links: guarded('feed links', (next: readonly SourceLink[]) => {
      sourceLinks = next;
      emitHealth();
    }),
    adjusted: guarded('feed adjustment', (feed: FeedId, reason: string, at: number) => update(feed, (t) => withAdjustment(t, reason, at))),
    link: guarded('feed link', (next: 'connecting' | 'open' | 'closed', detail: string, reason?: CodedReason) => {
      for (const feed of tracks.keys()) update(feed, (t) => withLink(t, next, detail, reason));
      const up = next === 'open';
      if (up !== (link.state === 'up')) {
        link = { state: up ? 'up' : 'down', since: now() };
        if (up) options.onLinkUp?.();
      }
      emitHealth();
    }),
  };

  return {
    start() {
      options.source.start(sink);
      timers.push(setInterval(flush, options.flushMs ?? 250), setInterval(emitHealth, options.healthMs ?? 1000), setInterval(prune, options.pruneMs ?? 3_600_000));
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await options.source.stop();
    },
    seed(items) {
      recordHistory(items, now());
      state.seed(items, pending);
    },
    timeline: (id) => history.of(id),
    snapshot() {
      const snapshot = state.snapshot();
      const capped = capSnapshot({ ...snapshot, incidents: snapshot.incidents.map(viewOf) });
      reportTrimmed(capped.trimmed, 'snapshot');
      return capped.snapshot;
    },
    health,
    routingView: () => ({
      segmentsVersion: state.segmentsVersion,
      segments: () => state.items('traffic'),
      speedOf: (id) => state.segment(id)?.speedKmh,
      units: () => state.items('units'),
      incident: (id) => {
        const incident = state.incident(id);
        return incident === undefined ? undefined : viewOf(incident);
      },
    }),
    platformIncident: (id) => state.incident(id),
    platformUnit: (id) => state.unit(id),
    platformUpdatedAt: (id) => incidentSeenAt.get(id) ?? 0,
    setIncidentView(next) {
      view = next;
    },
    refreshIncident(id) {
      const incident = state.incident(id);
      if (incident) pending.upsert({ feed: 'incidents', item: incident });
    },
  };
}
