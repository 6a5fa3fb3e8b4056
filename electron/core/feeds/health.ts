import { coded } from '../../../shared/contract';
import type { CodedReason, FeedHealth } from '../../../shared/contract';
import { FEED_KINDS, perFeed } from '../../../shared/domain';
import type { FeedId } from '../../../shared/domain';

/** What the core remembers about one feed between reports. Plain data: every transition below is a pure function. */
export interface FeedTrack {
  feed: FeedId;
  link: 'connecting' | 'open' | 'closed';
  linkDetail: string;
  /** The same, coded for translation. */
  linkReason?: CodedReason;
  lastMessageAt: number | null;
  lagMs: number | null;
  /** Receive times within the rate window, oldest first. */
  recent: number[];
  items: number;
  rejected: number;
  lastRejection: { reason: string; at: number } | null;
  adjusted: number;
  lastAdjustment: { reason: string; at: number } | null;
}

export interface HealthRules {
  /** Over this silence a feed that should be talking is degraded (a stalled stream). Null: silence is normal. */
  silenceMs: number | null;
  /** Over this lag the platform's data is late. */
  maxLagMs: number;
  rateWindowMs: number;
}

/** From the feed registry: how long each feed may be silent, and the same lag and rate rules for all. */
export const DEFAULT_RULES: Record<FeedId, HealthRules> = perFeed((feed) => ({ silenceMs: FEED_KINDS[feed].silenceMs, maxLagMs: 30_000, rateWindowMs: 10_000 }));

export function newTrack(feed: FeedId): FeedTrack {
  return { feed, link: 'connecting', linkDetail: 'connecting to the platform', linkReason: coded('connecting-platform'), lastMessageAt: null, lagMs: null, recent: [], items: 0, rejected: 0, lastRejection: null, adjusted: 0, lastAdjustment: null };
}

export function withLink(track: FeedTrack, link: FeedTrack['link'], detail: string, reason?: CodedReason): FeedTrack {
  const next: FeedTrack = { ...track, link, linkDetail: detail };
  if (reason === undefined) delete next.linkReason;
  else next.linkReason = reason;
  return next;
}

export function withMessage(track: FeedTrack, receivedAt: number, sentAt: number | null, accepted: number, rules: HealthRules): FeedTrack {
  const recent = [...track.recent.filter((t) => t > receivedAt - rules.rateWindowMs), receivedAt];
  return { ...track, lastMessageAt: receivedAt, lagMs: sentAt === null ? track.lagMs : receivedAt - sentAt, recent, items: track.items + accepted };
}

export function withRejection(track: FeedTrack, reason: string, at: number): FeedTrack {
  return { ...track, rejected: track.rejected + 1, lastRejection: { reason: reason.slice(0, 300), at } };
}

/** Data kept but made safe (a clamped time, a trimmed snapshot): counted, and not a reason to call the feed degraded. */
export function withAdjustment(track: FeedTrack, reason: string, at: number): FeedTrack {
  return { ...track, adjusted: track.adjusted + 1, lastAdjustment: { reason: reason.slice(0, 300), at } };
}

/** The verdict an operator sees. Down: no link. Degraded: linked but silent, late, or sending bad data. */
export function assess(track: FeedTrack, now: number, rules: HealthRules): FeedHealth {
  const recent = track.recent.filter((t) => t > now - rules.rateWindowMs);
  const base = {
    feed: track.feed,
    lastMessageAt: track.lastMessageAt,
    lagMs: track.lagMs,
    messagesPerSecond: Math.round((recent.length / (rules.rateWindowMs / 1000)) * 10) / 10,
    items: track.items,
    rejected: track.rejected,
    lastRejection: track.lastRejection,
    adjusted: track.adjusted,
    lastAdjustment: track.lastAdjustment,
  };
  if (track.link !== 'open') return { ...base, state: 'down', detail: track.linkDetail, ...(track.linkReason ? { reason: track.linkReason } : {}) };
  const silentFor = now - (track.lastMessageAt ?? now);
  if (rules.silenceMs !== null && silentFor > rules.silenceMs) {
    const seconds = Math.round(silentFor / 1000);
    return { ...base, state: 'degraded', detail: `no data for ${seconds} s`, reason: coded('no-data', { seconds }) };
  }
  if (track.lagMs !== null && track.lagMs > rules.maxLagMs) {
    const seconds = Math.round(track.lagMs / 1000);
    return { ...base, state: 'degraded', detail: `data is ${seconds} s late`, reason: coded('data-late', { seconds }) };
  }
  if (track.lastRejection && now - track.lastRejection.at < rules.rateWindowMs) {
    // The rejection's own reason is the boundary's finding about third-party data: passed on as it is.
    const detail = `rejected bad data: ${track.lastRejection.reason}`.slice(0, 300);
    return { ...base, state: 'degraded', detail, reason: coded('rejected-data', { reason: track.lastRejection.reason }) };
  }
  return { ...base, state: 'connected', detail: 'live', reason: coded('live') };
}
