import type { FeedHealthReport } from '../../shared/contract';
import type { Unit } from '../../shared/domain';

/** A moving unit that has not reported for this long, while others have, has gone quiet. */
export const MOVING_STALE_MS = 60_000;
const MOVING: ReadonlySet<Unit['status']> = new Set(['dispatched', 'returning']);

/**
 * Which units to draw as stale. Judged against the freshest report in the same feed rather than the
 * wall clock, so a platform whose clock differs from ours does not turn everything grey.
 * Every unit is stale while the units feed is not live.
 */
export function staleUnitIds(units: readonly Unit[], health: FeedHealthReport | null): Set<string> {
  const feed = health?.feeds.find((f) => f.feed === 'units');
  if (feed && feed.state !== 'connected') return new Set(units.map((u) => u.id));
  const newest = Math.max(0, ...units.map((u) => u.observedAt));
  return new Set(units.filter((u) => MOVING.has(u.status) && newest - u.observedAt > MOVING_STALE_MS).map((u) => u.id));
}
