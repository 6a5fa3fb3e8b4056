import { buildRemoved, LIVE_CAPS, mapSnapshot, removedOf } from '../../../shared/contract';
import type { LiveChanges, LiveKind, LiveSnapshot } from '../../../shared/contract';
import { FEED_IDS, KIND_OF_FEED } from '../../../shared/domain';

export type Trimmed = Partial<Record<LiveKind, number>>;
type Caps = Partial<Record<LiveKind, number>>;

const capOf = (kind: LiveKind, caps: Caps): number => caps[kind] ?? LIVE_CAPS[kind];

/**
 * A snapshot within the contract's caps. The live state is held under them, so this only acts on a
 * mistake; then what matters most survives (each feed's registry order: open and newest first) and the
 * caller is told what was cut.
 */
export function capSnapshot(snapshot: LiveSnapshot, caps: Caps = LIVE_CAPS): { snapshot: LiveSnapshot; trimmed: Trimmed } {
  const trimmed: Trimmed = {};
  const out = mapSnapshot(snapshot, ({ key, items, spec }) => {
    const cap = capOf(key, caps);
    if (items.length <= cap) return items;
    trimmed[key] = items.length - cap;
    return [...items].sort(spec.order).slice(0, cap);
  });
  return { snapshot: out, trimmed };
}

const REMOVED_CAP = 100_000;

/** A change batch within the caps: one too big is sent as several, so nothing is lost and nothing is refused by the contract. */
export function splitChanges(changes: LiveChanges, caps: Caps = LIVE_CAPS): LiveChanges[] {
  const removed = removedOf(changes);
  let rounds = Math.max(1, ...FEED_IDS.map((f) => Math.ceil(removed[f].length / REMOVED_CAP)));
  mapSnapshot(changes, ({ key, items }) => {
    rounds = Math.max(rounds, Math.ceil(items.length / capOf(key, caps)));
    return items;
  });
  if (rounds === 1) return [changes];
  return Array.from({ length: rounds }, (_, r) => ({
    ...mapSnapshot(changes, ({ key, items }) => {
      const cap = capOf(key, caps);
      return items.slice(r * cap, (r + 1) * cap);
    }),
    removed: buildRemoved((feed) => removed[feed].slice(r * REMOVED_CAP, (r + 1) * REMOVED_CAP)),
  }));
}

export { KIND_OF_FEED };
