import type { FeedHealthReport, LiveSnapshot, TimelineEvent } from '../../../shared/contract';
import type { FeedId, Incident } from '../../../shared/domain';
import type { EventHub } from '../events';
import type { FeedTrack, HealthRules } from '../feeds/health';
import { assess, DEFAULT_RULES, newTrack, withLink, withMessage, withRejection } from '../feeds/health';
import type { FeedItem } from '../feeds/ngsi/mapEntity';
import type { FeedSource } from '../feeds/source';
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
  /** Every accepted item, for the local cache. */
  readonly onItems?: (items: readonly FeedItem[], receivedAt: number) => void;
  /** Told when the platform link comes back, after its state has been read again. */
  readonly onLinkUp?: () => void;
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
  /** When the platform last sent this incident (our clock), or 0. */
  platformUpdatedAt(id: string): number;
  /** Shows incidents through local, not yet confirmed changes (the outbox's view). */
  setIncidentView(view: (incident: Incident) => Incident): void;
  /** Sends an incident to the windows again, e.g. after its local changes moved on. */
  refreshIncident(id: string): void;
  /** What this console has seen happen to an incident. */
  timeline(id: string): TimelineEvent[];
}

/** Feeds in, one latest state, coalesced changes and the health of every feed out to all windows. */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const now = options.now ?? Date.now;
  const rules = options.rules ?? DEFAULT_RULES;
  const state = new LiveState();
  const pending = new PendingChanges();
  const tracks = new Map<FeedId, FeedTrack>(options.source.feeds.map((f) => [f, newTrack(f)]));
  const incidentSeenAt = new Map<string, number>();
  const timers: NodeJS.Timeout[] = [];
  let view = (incident: Incident) => incident;
  let link: FeedHealthReport['link'] = { state: 'down', since: now() };

  const update = (feed: FeedId, change: (t: FeedTrack) => FeedTrack) => {
    const track = tracks.get(feed);
    if (track) tracks.set(feed, change(track));
  };

  /** Connected but every feed that should talk has gone quiet: the stream has stalled, since its last message. */
  const stalledSince = (at: number): number | null => {
    const talking = [...tracks.values()].filter((t) => rules[t.feed].silenceMs !== null);
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
      feeds: [...tracks.values()].map((t) => assess(t, at, rules[t.feed])),
    };
  };

  const history = new IncidentHistory();
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

  const flush = () => {
    if (pending.isEmpty()) return;
    const changes = pending.take();
    options.events.emit('state:changes', { ...changes, incidents: changes.incidents.map(view) });
  };

  return {
    start() {
      options.source.start({
        snapshot(feed, items, receivedAt) {
          recordHistory(items, receivedAt);
          const { applied } = state.replaceFeed(feed, items, pending);
          noteIncidents(items, receivedAt);
          update(feed, (t) => withMessage(t, receivedAt, null, applied, rules[feed]));
        },
        changes(feed, items, receivedAt, sentAt) {
          recordHistory(items, receivedAt);
          const { applied } = state.apply(items, pending);
          noteIncidents(items, receivedAt);
          update(feed, (t) => withMessage(t, receivedAt, sentAt, applied, rules[feed]));
        },
        rejected(feed, reason, at) {
          update(feed, (t) => withRejection(t, reason, at));
        },
        link(next, detail) {
          for (const feed of tracks.keys()) update(feed, (t) => withLink(t, next, detail));
          const up = next === 'open';
          if (up !== (link.state === 'up')) {
            link = { state: up ? 'up' : 'down', since: now() };
            if (up) options.onLinkUp?.();
          }
          options.events.emit('feed:health-changed', health());
        },
      });
      timers.push(setInterval(flush, options.flushMs ?? 250), setInterval(() => options.events.emit('feed:health-changed', health()), options.healthMs ?? 1000));
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
      return { ...snapshot, incidents: snapshot.incidents.map(view) };
    },
    health,
    platformIncident: (id) => state.incident(id),
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
