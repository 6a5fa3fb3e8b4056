export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 15_000 };

/**
 * Exponential backoff with "full jitter": a random delay up to the exponential bound, so consoles that
 * lost the platform together do not all come back at the same instant. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(policy.baseMs / 2 + random() * (bound - policy.baseMs / 2));
}
