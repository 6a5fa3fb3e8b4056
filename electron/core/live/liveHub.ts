import type { FeedHealthReport, LiveSnapshot } from '../../../shared/contract';
import type { FeedId } from '../../../shared/domain';
import type { EventHub } from '../events';
import type { FeedTrack, HealthRules } from '../feeds/health';
import { assess, DEFAULT_RULES, newTrack, withLink, withMessage, withRejection } from '../feeds/health';
import type { FeedSource } from '../feeds/source';
import { LiveState, PendingChanges } from '../state/liveState';

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
}

export interface LiveHub {
  start(): void;
  stop(): Promise<void>;
  snapshot(): LiveSnapshot;
  health(): FeedHealthReport;
}

/** Feeds in, one latest state, coalesced changes and the health of every feed out to all windows. */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const now = options.now ?? Date.now;
  const rules = options.rules ?? DEFAULT_RULES;
  const state = new LiveState();
  const pending = new PendingChanges();
  const tracks = new Map<FeedId, FeedTrack>(options.source.feeds.map((f) => [f, newTrack(f)]));
  const timers: NodeJS.Timeout[] = [];

  const update = (feed: FeedId, change: (t: FeedTrack) => FeedTrack) => {
    const track = tracks.get(feed);
    if (track) tracks.set(feed, change(track));
  };

  const health = (): FeedHealthReport => {
    const at = now();
    return { at, platform: options.platform, feeds: [...tracks.values()].map((t) => assess(t, at, rules[t.feed])) };
  };

  return {
    start() {
      options.source.start({
        snapshot(feed, items, receivedAt) {
          const { applied } = state.replaceFeed(feed, items, pending);
          update(feed, (t) => withMessage(t, receivedAt, null, applied, rules[feed]));
        },
        changes(feed, items, receivedAt, sentAt) {
          const { applied } = state.apply(items, pending);
          update(feed, (t) => withMessage(t, receivedAt, sentAt, applied, rules[feed]));
        },
        rejected(feed, reason, at) {
          update(feed, (t) => withRejection(t, reason, at));
        },
        link(link, detail) {
          for (const feed of tracks.keys()) update(feed, (t) => withLink(t, link, detail));
          options.events.emit('feed:health-changed', health());
        },
      });
      timers.push(
        setInterval(() => {
          if (!pending.isEmpty()) options.events.emit('state:changes', pending.take());
        }, options.flushMs ?? 250),
        setInterval(() => options.events.emit('feed:health-changed', health()), options.healthMs ?? 1000),
      );
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await options.source.stop();
    },
    snapshot: () => state.snapshot(),
    health,
  };
}
