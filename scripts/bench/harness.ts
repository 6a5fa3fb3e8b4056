/**
 * What every benchmark shares: the metric it reports, the context it runs in, and small statistics.
 * A metric with a target says whether it met it; a supporting figure (target null) only explains one that has.
 */
export interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** "≥ 0.5", "≤ 250": null for a supporting figure, and for everything in smoke mode. */
  readonly target: string | null;
  readonly met: boolean | null;
  /** What was measured exactly, when the name alone would mislead (a shorter soak, a different size). */
  readonly note?: string;
}

export interface BenchContext {
  /** Tiny sizes, no targets: proves the benchmark still runs, says nothing about speed. */
  readonly smoke: boolean;
  /** Longer runs where a benchmark has them (the soak). */
  readonly long: boolean;
  readonly log: (line: string) => void;
}

export interface Bench {
  readonly name: string;
  /** Needs Chromium and the built renderer. */
  readonly browser: boolean;
  readonly run: (ctx: BenchContext) => Promise<Metric[]>;
}

type Target = { readonly op: '≥' | '≤' | '<'; readonly value: number };

const meets = (value: number, t: Target): boolean => (t.op === '≥' ? value >= t.value : t.op === '≤' ? value <= t.value : value < t.value);

/** A metric against its target; in smoke mode the target is dropped (tiny sizes prove nothing about it). */
export function metric(ctx: BenchContext, name: string, value: number, unit: string, target: Target | null, note?: string): Metric {
  const judged = target !== null && !ctx.smoke && Number.isFinite(value);
  return {
    name,
    value: Number.isFinite(value) ? Number(value.toPrecision(4)) : value,
    unit,
    target: target === null || ctx.smoke ? null : `${target.op} ${target.value}`,
    met: judged ? meets(value, target) : null,
    ...(note === undefined ? {} : { note }),
  };
}

export const atLeast = (value: number): Target => ({ op: '≥', value });
export const atMost = (value: number): Target => ({ op: '≤', value });
export const below = (value: number): Target => ({ op: '<', value });

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? Number.NaN;
}

export const median = (xs: readonly number[]): number => percentile(xs, 0.5);

/** Polls `check` until it holds, or fails naming `what` after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
