/**
 * `feed_to_pixel_p99_ms`: from the emulator stamping a unit's move (its `observedAt`, the wall clock when it is
 * published) to the end of the renderer's frame that draws it (deck.gl's onAfterRender, frameProbe.ts), through
 * everything in between: the NGSI-LD notification, the core's ingest, store and hub, the loopback host, the window's
 * store and layers. Both clocks are this machine's. Measured at 1 000 and 5 000 unit moves a second over 2 000
 * synthetic units, with the frame interval alone beside it (software WebGL). Moves of a unit the core coalesces
 * before the window sees them are never drawn, so they have no latency: `delivered` says how many reached a frame.
 */
import { coresBusy } from './cpuShares';
import type { CpuSeconds } from './cpuShares';
import type { Bench, BenchContext, Metric } from './harness';
import { atMost, median, metric, percentile } from './harness';
import type { LiveRig } from './liveRig';
import { placeUnits, onOwnRig } from './liveRig';

interface Plan {
  readonly units: number;
  readonly rates: readonly number[];
  readonly warmUpS: number;
  readonly measureS: number;
  /** The measurement goes on past measureS until this many updates were drawn (a slow machine's frames can be seconds apart). */
  readonly minDrawn: number;
}

/** However slow the machine, a measurement that has drawn nothing by then has found a fault, not a figure. */
const DRAWN_DEADLINE_MS = 60_000;

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function atRate(rig: LiveRig, plan: Plan, rate: number): Promise<{ latencies: number[]; arrivals: number[]; intervals: number[]; publishedPerS: number; deliveredPerS: number; cores: CpuSeconds }> {
  await rig.setLoad(plan.units, rate);
  await settle(plan.warmUpS * 1000);
  await rig.takeReading();
  const before = await rig.setLoad(plan.units, rate);
  const cpuBefore = rig.cpu();
  const started = performance.now();
  await settle(plan.measureS * 1000);
  const reading = await rig.takeReading();
  while (reading.latencies.length < plan.minDrawn && performance.now() - started < DRAWN_DEADLINE_MS) {
    await settle(250);
    const more = await rig.takeReading();
    reading.latencies.push(...more.latencies);
    reading.arrivals.push(...more.arrivals);
    reading.frameIntervals.push(...more.frameIntervals);
  }
  const cpuAfter = rig.cpu();
  const after = await rig.setLoad(plan.units, 0);
  const seconds = (performance.now() - started) / 1000;
  return { latencies: reading.latencies, arrivals: reading.arrivals, intervals: reading.frameIntervals, publishedPerS: (after.published - before.published) / seconds, deliveredPerS: reading.latencies.length / seconds, cores: coresBusy(cpuBefore, cpuAfter, seconds) };
}

/** feed-to-pixel on a running rig (the e2e smoke shares one rig with the soak). */
export async function feedToPixelOn(rig: LiveRig, ctx: BenchContext): Promise<Metric[]> {
  const plan: Plan = ctx.smoke ? { units: 50, rates: [100], warmUpS: 1, measureS: 2, minDrawn: 20 } : { units: 2_000, rates: [1_000, 5_000], warmUpS: 5, measureS: 20, minDrawn: 1 };
  await placeUnits(rig, plan.units);
  const out: Metric[] = [];
  for (const rate of plan.rates) {
    const got = await atRate(rig, plan, rate);
    if (got.latencies.length === 0) throw new Error(`no unit update reached a frame at ${rate}/s`);
    // The target is for the highest rate; the lower one is reported beside it with its rate in the name.
    const tag = rate === plan.rates.at(-1) ? '' : `_at_${rate}`;
    ctx.log(`${rate}/s: published ${got.publishedPerS.toFixed(0)}/s, drawn ${got.deliveredPerS.toFixed(0)}/s; to the window p50 ${median(got.arrivals).toFixed(0)} ms, p99 ${percentile(got.arrivals, 0.99).toFixed(0)} ms; to the pixel p50 ${median(got.latencies).toFixed(0)} ms, p99 ${percentile(got.latencies, 0.99).toFixed(0)} ms; frame ${median(got.intervals).toFixed(0)} ms`);
    const busy = Object.entries(got.cores).map(([role, cores]) => `${role} ${cores.toFixed(2)}`).join(', ');
    ctx.log(`${rate}/s: cores busy: ${busy}`);
    const judged = tag === '' ? atMost(250) : null;
    out.push(
      metric(ctx, `feed_to_pixel_p99_ms${tag}`, percentile(got.latencies, 0.99), 'ms', judged, `${plan.units} units, ${rate} moves/s, ${got.latencies.length} drawn`),
      metric(ctx, `feed_to_pixel_p95_ms${tag}`, percentile(got.latencies, 0.95), 'ms', null),
      metric(ctx, `feed_to_pixel_p50_ms${tag}`, median(got.latencies), 'ms', null),
      metric(ctx, `feed_to_window_p99_ms${tag}`, percentile(got.arrivals, 0.99), 'ms', null, "stamp to the window's bridge: platform, core (its coalescing) and host"),
      metric(ctx, `feed_to_window_p50_ms${tag}`, median(got.arrivals), 'ms', null),
      metric(ctx, `feed_to_pixel_drawn_per_s${tag}`, got.deliveredPerS, 'updates/s', null, `of ${got.publishedPerS.toFixed(0)}/s published; the rest were superseded before a frame`),
      metric(ctx, `feed_to_pixel_cores_busy${tag}`, Object.values(got.cores).reduce((a, b) => a + b, 0), 'cores', null, busy),
      metric(ctx, `frame_ms_p50${tag}`, median(got.intervals), 'ms', null, 'interval between drawn frames, software WebGL'),
    );
  }
  return out;
}

export const feedToPixel: Bench = { name: 'feed-to-pixel', browser: true, run: onOwnRig(feedToPixelOn) };
