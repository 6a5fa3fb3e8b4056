export type Verdict = 'apply' | 'stale' | 'duplicate';

/**
 * Whether an incoming observation replaces the one held. An older one never overwrites a newer one;
 * the same one twice is a duplicate. At equal times, a different content wins (the platform corrected itself).
 */
export function compareVersions<T>(held: T | undefined, incoming: T, timeOf: (item: T) => number): Verdict {
  if (held === undefined) return 'apply';
  const heldAt = timeOf(held);
  const incomingAt = timeOf(incoming);
  if (incomingAt < heldAt) return 'stale';
  if (incomingAt > heldAt) return 'apply';
  return JSON.stringify(held) === JSON.stringify(incoming) ? 'duplicate' : 'apply';
}
