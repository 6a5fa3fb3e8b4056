/**
 * `soak_growth_pct`: the whole live path (liveRig.ts) under 2 000 unit moves a second for 20 minutes (`--long`: 60),
 * sampling the window's JS heap after a full collection and the console process's resident memory. Growth is the
 * median of the last three samples against the median of the first three after a warm-up, so one GC's timing or
 * one allocation burst does not decide it. A leak grows steadily; a healthy console levels off.
 */
import type { Bench, BenchContext, Metric } from './harness';
import { below, median, metric, percentile } from './harness';
import type { LiveRig } from './liveRig';
import { placeUnits, onOwnRig } from './liveRig';

interface Plan {
  readonly units: number;
  readonly rate: number;
  readonly warmUpS: number;
  readonly soakS: number;
  readonly sampleS: number;
}

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Percent growth from the start of a series to its end, each end the median of three samples. */
export function growthPct(samples: readonly number[]): number {
  if (samples.length < 2) return Number.NaN;
  const ends = Math.min(3, Math.floor(samples.length / 2));
  const start = median(samples.slice(0, ends));
  const end = median(samples.slice(-ends));
  return ((end - start) / start) * 100;
}

export const soakPlan = (ctx: BenchContext): Plan =>
  ctx.smoke ? { units: 50, rate: 100, warmUpS: 1, soakS: 4, sampleS: 1 } : { units: 2_000, rate: 2_000, warmUpS: 120, soakS: (ctx.long ? 60 : 20) * 60, sampleS: 30 };

/** The soak on a running rig (the e2e smoke shares one rig with feed-to-pixel). */
export async function soakOn(rig: LiveRig, ctx: BenchContext): Promise<Metric[]> {
  const plan = soakPlan(ctx);
  await placeUnits(rig, plan.units);
  await rig.setLoad(plan.units, plan.rate);
  await settle(plan.warmUpS * 1000);
  await rig.takeReading();
  const heap: number[] = [];
  const rss: number[] = [];
  const latencies: number[] = [];
  const started = performance.now();
  const first = await rig.setLoad(plan.units, plan.rate);
  while (performance.now() - started < plan.soakS * 1000) {
    await settle(plan.sampleS * 1000);
    heap.push(await rig.rendererHeapMb());
    rss.push(rig.coreRssMb());
    // Kept as a running tail so a long soak's samples do not pile up here either.
    latencies.push(...(await rig.takeReading()).latencies);
    if (latencies.length > 100_000) latencies.splice(0, latencies.length - 100_000);
    if (heap.length % 4 === 0) ctx.log(`${((performance.now() - started) / 60_000).toFixed(1)} min: renderer heap ${heap.at(-1)?.toFixed(1)} MB, core RSS ${rss.at(-1)?.toFixed(0)} MB`);
  }
  const last = await rig.setLoad(plan.units, 0);
  const minutes = (performance.now() - started) / 60_000;
  const heapGrowth = growthPct(heap);
  const rssGrowth = growthPct(rss);
  const note = `${minutes.toFixed(1)} min at ${plan.rate} moves/s over ${plan.units} units, after ${plan.warmUpS} s warm-up`;
  return [
    metric(ctx, 'soak_growth_pct', Math.max(heapGrowth, rssGrowth), '%', below(5), `the larger of the two below; ${note}`),
    metric(ctx, 'soak_renderer_heap_growth_pct', heapGrowth, '%', null, `${median(heap.slice(0, 3)).toFixed(1)} → ${median(heap.slice(-3)).toFixed(1)} MB`),
    metric(ctx, 'soak_core_rss_growth_pct', rssGrowth, '%', null, `${median(rss.slice(0, 3)).toFixed(0)} → ${median(rss.slice(-3)).toFixed(0)} MB`),
    metric(ctx, 'soak_published_per_s', (last.published - first.published) / (minutes * 60), 'moves/s', null),
    metric(ctx, 'soak_feed_to_pixel_p99_ms', percentile(latencies, 0.99), 'ms', null, 'over the soak'),
  ];
}

export const soak: Bench = { name: 'soak', browser: true, run: onOwnRig(soakOn) };
