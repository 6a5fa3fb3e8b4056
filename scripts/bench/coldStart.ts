/**
 * `cold_start_ratio`: `npm start -- --headless` as a person runs it, the platform unreachable: time from launch to
 * the map painted with the last-known state (50 000 cached observations: the first frame with live data), divided
 * by the time to the map painted with an empty cache (basemap and deck.gl ready), interleaved in the same run.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium';
import { startHeadlessConsole } from '../../test/support/console-host';
import { waitForLiveFrames } from '../../test/support/console-page';
import { buildRendererIfStale } from '../build-if-stale';
import { coldObservations } from './coldStartCore';
import type { Bench, BenchContext, Metric } from './harness';
import { atMost, median, metric } from './harness';
import { emptyDataDir, seededDataDir } from './seededCache';

const UNREACHABLE = { PHUKET_PLATFORM_URL: 'http://127.0.0.1:9' };

async function paintedMs(browser: Browser, dir: string, cached: boolean): Promise<number> {
  const started = Date.now();
  const app = await startHeadlessConsole([], { ...UNREACHABLE, PHUKET_CONSOLE_DATA: dir });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 120_000 });
    if (cached) await waitForLiveFrames(page, 1, 120_000);
    const ms = Date.now() - started;
    await page.close();
    return ms;
  } finally {
    await app.stop();
  }
}

async function run(ctx: BenchContext): Promise<Metric[]> {
  buildRendererIfStale(resolve(import.meta.dirname, '../..'));
  const rounds = ctx.smoke ? 1 : 3;
  const browser = await launchChromium();
  const cached: number[] = [];
  const empty: number[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      empty.push(await paintedMs(browser, emptyDataDir(), false));
      cached.push(await paintedMs(browser, await seededDataDir(coldObservations(ctx)), true));
      ctx.log(`cold start round ${r + 1}: cached picture painted ${cached.at(-1) ?? 0} ms after launch, empty map ${empty.at(-1) ?? 0} ms`);
    }
  } finally {
    await browser.close();
  }
  const ratios = cached.map((c, i) => c / (empty[i] ?? Number.NaN));
  return [
    metric(ctx, 'cold_start_ratio', median(ratios), 'ratio', atMost(1.2), `${coldObservations(ctx)} cached observations, median of ${rounds} interleaved rounds`),
    metric(ctx, 'cold_start_cached_ms', median(cached), 'ms', null),
    metric(ctx, 'cold_start_empty_ms', median(empty), 'ms', null),
  ];
}

export const coldStart: Bench = { name: 'coldstart', browser: true, run };
