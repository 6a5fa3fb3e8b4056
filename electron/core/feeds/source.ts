import type { CodedReason } from '../../../shared/contract';
import type { FeedId } from '../../../shared/domain';
import type { FeedItem } from './ngsi/mapEntity';

/** What a source can do, so the rest of the core need not know which source it has. */
export interface FeedCapabilities {
  /** Can list everything it knows (initial load, resync after a gap). */
  readonly snapshot: boolean;
  /** Pushes changes as they happen. */
  readonly live: boolean;
  /** Accepts operator actions (later issues: the outbox delivers through it). */
  readonly actions: boolean;
}

export type LinkState = 'connecting' | 'open' | 'closed';

/** One link of a source, reported on its own (the broker, the MQTT broker or HTTP endpoint notifications come through, or a polled feed's server). */
export interface SourceLink {
  readonly id: 'broker' | 'mqtt' | 'http' | 'poll';
  /** The one feed a polled link serves. */
  readonly feed?: FeedId;
  /** The source this link belongs to (its name), when a console runs several at once. */
  readonly source?: string;
  readonly target: string;
  readonly state: LinkState;
  readonly detail: string;
  /** The same, coded for translation. */
  readonly reason?: CodedReason;
  readonly since: number;
}

/** Where a source delivers: already mapped and validated items, refusals with reasons, and its link state. */
export interface FeedSink {
  /** A full listing of one feed: what is not in it is gone. */
  snapshot(feed: FeedId, items: FeedItem[], receivedAt: number): void;
  changes(feed: FeedId, items: FeedItem[], receivedAt: number, sentAt: number | null): void;
  rejected(feed: FeedId, reason: string, at: number): void;
  /** Data kept but made safe (a future time clamped, a listing cut at its cap): counted, not an error. */
  adjusted(feed: FeedId, reason: string, at: number): void;
  /** The source as a whole: open only when everything it needs is. */
  link(state: LinkState, detail: string, reason?: CodedReason): void;
  /** Entities the platform deleted. */
  removed(feed: FeedId, ids: string[], at: number): void;
  /** Each of the source's links, whenever one changes. */
  links(links: readonly SourceLink[]): void;
}

/** A live platform, the emulator and (later) a replay of the local log all look like this to the core. */
export interface FeedSource {
  readonly name: string;
  readonly feeds: readonly FeedId[];
  readonly capabilities: FeedCapabilities;
  /** The NGSI-LD entity types behind each feed, for feed health. */
  readonly entityTypes?: Partial<Record<FeedId, readonly string[]>>;
  start(sink: FeedSink): void;
  stop(): Promise<void>;
}
