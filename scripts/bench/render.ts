/**
 * `render_update_ratio`, the fps of moving units, and `heap_mb_100k`, on the render bench page (page/renderPage.ts):
 * the same map, the same units, the same moves, drawn by the console's unit layer (deck.gl) or by a maplibre
 * GeoJSON source with setData per batch. Scripting time is Chromium's own count (CDP Performance.getMetrics
 * ScriptDuration), so it includes deck.gl's and maplibre's work, worker messages excluded; software WebGL.
 * The page holds the layer, not the whole window (no store, no panels): the heap is the map's share.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { z } from 'zod';
import { launchChromium } from '../../test/support/chromium';
import type { Bench, BenchContext, Metric } from './harness';
import { atLeast, atMost, median, metric } from './harness';
import { serveRenderPage } from './page/serve';

/** "page": the same moves and books, no unit drawn: the share of the time that is the page's, in both other modes. */
type Mode = 'ours' | 'geojson' | 'page';
const Metrics = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = Metrics.parse(await cdp.send('Performance.getMetrics'));
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
}

async function openPage(browser: Browser, url: string, count: number, mode: Mode): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  await page.evaluate(`window.bench.setup(${count}, '${mode}')`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** Main-thread scripting ms per 1 000 unit updates: `batches` batches of `perBatch` moves, each drawn before the next. */
async function scriptingPer1000(browser: Browser, url: string, mode: Mode, count: number, perBatch: number, batches: number): Promise<number> {
  const { page, cdp } = await openPage(browser, url, count, mode);
  try {
    const before = await scriptSeconds(cdp);
    await page.evaluate(`(async () => { for (let b = 0; b < ${batches}; b++) { window.bench.move(${perBatch}); await window.bench.nextFrame(); await window.bench.nextFrame(); } })()`);
    const after = await scriptSeconds(cdp);
    return ((after - before) * 1000) / ((batches * perBatch) / 1000);
  } finally {
    await page.close();
  }
}

/** Frames a second while every unit moves every frame, for `seconds`. */
async function fps(browser: Browser, url: string, mode: Mode, count: number, seconds: number): Promise<number> {
  const { page } = await openPage(browser, url, count, mode);
  try {
    const value = await page.evaluate(`(async () => { const end = performance.now() + ${seconds * 1000}; const start = performance.now(); let frames = 0; while (performance.now() < end) { window.bench.move(${count}); await window.bench.nextFrame(); frames++; } return frames / ((performance.now() - start) / 1000); })()`);
    return z.number().parse(value);
  } finally {
    await page.close();
  }
}

/** JS heap in use (after a full collection) with `count` units drawn. */
async function heapMb(browser: Browser, url: string, mode: Mode, count: number): Promise<number> {
  const { page, cdp } = await openPage(browser, url, count, mode);
  try {
    await page.evaluate(`(async () => { window.bench.move(1000); await window.bench.nextFrame(); await window.bench.nextFrame(); })()`);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = z.object({ usedSize: z.number() }).parse(await cdp.send('Runtime.getHeapUsage'));
    return usage.usedSize / 1_048_576;
  } finally {
    await page.close();
  }
}

/** The layer measured is the console's, and must stay clickable: a pick where a unit is drawn gives that unit. */
async function checkPicking(browser: Browser, url: string): Promise<void> {
  const { page } = await openPage(browser, url, 50, 'ours');
  try {
    // The icon atlas loads asynchronously: until it has, the layer draws (and picks) nothing.
    await page.waitForFunction('window.bench.pickFirst() !== null', null, { timeout: 30_000 }).catch(() => undefined);
    const picked = await page.evaluate('window.bench.pickFirst()');
    if (typeof picked !== 'string' || !picked.startsWith('u')) throw new Error(`the unit layer picked ${String(picked)} where a unit is drawn`);
  } finally {
    await page.close();
  }
}

async function run(ctx: BenchContext): Promise<Metric[]> {
  const plan = ctx.smoke ? { units: 500, perBatch: 100, batches: 3, rounds: 1, fpsUnits: [500], fpsSeconds: 0.3, heapUnits: 1_000 } : { units: 10_000, perBatch: 1_000, batches: 20, rounds: 3, fpsUnits: [10_000, 50_000], fpsSeconds: 5, heapUnits: 100_000 };
  const served = await serveRenderPage();
  const browser = await launchChromium();
  try {
    await checkPicking(browser, served.url);
    const ratios: number[] = [];
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < plan.rounds; r++) {
      theirs.push(await scriptingPer1000(browser, served.url, 'geojson', plan.units, plan.perBatch, plan.batches));
      ours.push(await scriptingPer1000(browser, served.url, 'ours', plan.units, plan.perBatch, plan.batches));
      ratios.push((theirs.at(-1) ?? Number.NaN) / (ours.at(-1) ?? Number.NaN));
      ctx.log(`round ${r + 1}: scripting per 1 000 updates: GeoJSON setData ${(theirs.at(-1) ?? 0).toFixed(1)} ms, ours ${(ours.at(-1) ?? 0).toFixed(1)} ms`);
    }
    // A console's own batches are small (a few dozen units per 250 ms flush): there only the moved rows are computed again.
    const small = { perBatch: 20, batches: 50 };
    const smallTheirs = ctx.smoke ? Number.NaN : await scriptingPer1000(browser, served.url, 'geojson', plan.units, small.perBatch, small.batches);
    const smallOurs = ctx.smoke ? Number.NaN : await scriptingPer1000(browser, served.url, 'ours', plan.units, small.perBatch, small.batches);
    const pageOnly = ctx.smoke ? Number.NaN : await scriptingPer1000(browser, served.url, 'page', plan.units, plan.perBatch, plan.batches);
    const out = [
      metric(ctx, 'render_update_ratio', median(ratios), 'ratio', atLeast(5), `${plan.units} units, batches of ${plan.perBatch}, median of ${plan.rounds}`),
      metric(ctx, 'render_script_ms_per_1k_ours', median(ours), 'ms', null),
      metric(ctx, 'render_script_ms_per_1k_geojson', median(theirs), 'ms', null),
    ];
    // Not in smoke mode: the large batches already run the same code, and the suite's time is counted.
    if (!ctx.smoke) {
      out.push(
        metric(ctx, 'render_update_ratio_small_batches', smallTheirs / smallOurs, 'ratio', null, `${plan.units} units, batches of ${small.perBatch}`),
        metric(ctx, 'render_script_ms_per_1k_small_ours', smallOurs, 'ms', null),
        metric(ctx, 'render_script_ms_per_1k_small_geojson', smallTheirs, 'ms', null),
        metric(ctx, 'render_script_ms_per_1k_page_only', pageOnly, 'ms', null, 'the same moves and map, no unit drawn: the share of the page itself in both modes'),
      );
    }
    for (const n of plan.fpsUnits) {
      for (const mode of ['ours', 'geojson'] as const) out.push(metric(ctx, `fps_${n}_${mode}`, await fps(browser, served.url, mode, n, plan.fpsSeconds), 'fps', null, 'every unit moves every frame, software WebGL'));
    }
    out.push(metric(ctx, 'heap_mb_100k', await heapMb(browser, served.url, 'ours', plan.heapUnits), 'MB', atMost(300), `${plan.heapUnits} units on the render bench page, after a full GC`));
    return out;
  } finally {
    await browser.close();
    await served.close();
  }
}

export const render: Bench = { name: 'render', browser: true, run };
