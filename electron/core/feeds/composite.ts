import type { CodedReason } from '../../../shared/contract';
import { FEED_IDS } from '../../../shared/domain';
import type { FeedId } from '../../../shared/domain';
import { guarded } from '../processGuards';
import type { FeedSink, FeedSource, LinkState, SourceLink } from './source';

interface Overall {
  readonly state: LinkState;
  readonly detail: string;
  readonly reason?: CodedReason;
}

const RANK: Record<LinkState, number> = { open: 0, connecting: 1, closed: 2 };

/**
 * Several sources at once (the NGSI-LD platform today, others later) looking like one to the core. Each keeps
 * its own links, reported in feed health with the source's name, so the banner can say which one is down;
 * what one source sends flows whatever the others' state. The whole is open only when every source is, and
 * otherwise takes the worst source's state and reason, its detail naming the source when there are several.
 * A feed served by more than one source is never replaced by one source's listing: its snapshots become
 * changes (deletions still arrive through `removed`).
 */
export function createCompositeSource(sources: readonly FeedSource[]): FeedSource {
  if (sources.length === 0) throw new Error('a composite source needs at least one source');
  const feeds = [...new Set(sources.flatMap((s) => s.feeds))];
  const servedBy = (feed: FeedId) => sources.filter((s) => s.feeds.includes(feed)).length;
  const entityTypes: Partial<Record<FeedId, string[]>> = {};
  for (const source of sources) {
    for (const feed of FEED_IDS) {
      const types = source.entityTypes?.[feed];
      if (types !== undefined) entityTypes[feed] = [...new Set([...(entityTypes[feed] ?? []), ...types])];
    }
  }
  const several = sources.length > 1;
  const states = new Map<FeedSource, Overall>();
  const links = new Map<FeedSource, readonly SourceLink[]>();
  let reported: Overall | null = null;

  const combined = (): Overall => {
    let worst: { source: FeedSource; overall: Overall } | null = null;
    for (const source of sources) {
      const overall = states.get(source) ?? { state: 'connecting', detail: `starting ${source.name}` };
      if (worst === null || RANK[overall.state] > RANK[worst.overall.state]) worst = { source, overall };
    }
    if (worst === null || worst.overall.state === 'open') return worst?.overall ?? { state: 'connecting', detail: 'starting' };
    const { source, overall } = worst;
    return { ...overall, detail: several ? `${source.name}: ${overall.detail}` : overall.detail };
  };

  return {
    name: sources.map((s) => s.name).join(' + '),
    feeds,
    entityTypes,
    capabilities: {
      snapshot: sources.some((s) => s.capabilities.snapshot),
      live: sources.some((s) => s.capabilities.live),
      actions: sources.some((s) => s.capabilities.actions),
    },
    start(sink) {
      reported = null;
      const publishLinks = () => sink.links(sources.flatMap((s) => links.get(s) ?? []));
      const publishLink = () => {
        const next = combined();
        if (reported !== null && reported.state === next.state && reported.detail === next.detail) return;
        reported = next;
        sink.link(next.state, next.detail, next.reason);
      };
      for (const source of sources) {
        const child: FeedSink = {
          snapshot: (feed, items, at) => (servedBy(feed) > 1 ? sink.changes(feed, items, at, null) : sink.snapshot(feed, items, at)),
          changes: (feed, items, at, sentAt) => sink.changes(feed, items, at, sentAt),
          rejected: (feed, reason, at) => sink.rejected(feed, several ? `${source.name}: ${reason}` : reason, at),
          adjusted: (feed, reason, at) => sink.adjusted(feed, reason, at),
          removed: (feed, ids, at) => sink.removed(feed, ids, at),
          link: (state, detail, reason) => {
            states.set(source, reason === undefined ? { state, detail } : { state, detail, reason });
            publishLink();
          },
          links: (next) => {
            links.set(source, next.map((l) => ({ ...l, source: source.name })));
            publishLinks();
          },
        };
        // One source failing to start does not keep the others from starting.
        guarded(`starting source ${source.name}`, () => source.start(child))();
      }
    },
    async stop() {
      // Every source is stopped even if one fails to; the first failure is then reported.
      const failed = (await Promise.allSettled(sources.map((s) => s.stop()))).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
