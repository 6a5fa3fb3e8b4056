/**
 * `npm run bench -- crosswindow` (`crosswindow_p99_ms`): how long a selection made in one window takes to show in another, through the
 * core (window → contract request → core → broadcast event → every window). Four windows of one console (map wall,
 * queue, dispatch board, status); 200 selections clicked in the queue; the time until the map wall's and the
 * board's "Selected incident" shows it, p50 and p99 (the slower of the two windows is the metric).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { PlatformConfig } from '../../electron/core/config';
import { launchBrowserHost } from '../../electron/host/launch';
import { startEmulator } from '../../emulator/emulator';
import { launchChromium } from '../../test/support/chromium';
import { buildRendererIfStale } from '../build-if-stale';
import type { Bench, BenchContext, Metric } from './harness';
import { atMost, metric, percentile } from './harness';

const root = resolve(import.meta.dirname, '../..');

/** In the observing page: the epoch time (sub-ms) at which the wall card names the incident. */
function shown(page: Page, id: string): Promise<number> {
  // No named functions inside: tsx's keepNames would wrap them in a helper the page does not have.
  return page.evaluate(
    (incidentId) =>
      new Promise<number>((done, fail) => {
        const selector = `.selected-incident[data-incident="${CSS.escape(incidentId)}"]`;
        if (document.querySelector(selector) !== null) return done(performance.timeOrigin + performance.now());
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector) === null) return;
          observer.disconnect();
          done(performance.timeOrigin + performance.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-incident'] });
        setTimeout(() => fail(new Error(`${incidentId} not shown within 10 s`)), 10_000);
      }),
    id,
  );
}

/** In the queue page: clicks the incident's row and returns the epoch time of the click. */
function clickRow(page: Page, id: string): Promise<number> {
  return page.evaluate((incidentId) => {
    const row = document.querySelector(`[data-incident-id="${CSS.escape(incidentId)}"]`);
    if (!(row instanceof HTMLElement)) throw new Error(`no row for ${incidentId}`);
    const at = performance.timeOrigin + performance.now();
    row.click();
    return at;
  }, id);
}

async function run(ctx: BenchContext): Promise<Metric[]> {
  const SELECTIONS = ctx.smoke ? 5 : 200;
  buildRendererIfStale(root);
  const emulator = await startEmulator({ seed: 8, speed: 1, autoTick: false });
  const launched = await launchBrowserHost({ root, platform: PlatformConfig.parse({ baseUrl: emulator.url }), dataDir: mkdtempSync(join(tmpdir(), 'bench-crosswindow-')) });
  const browser = await launchChromium();
  try {
    const pages: Record<string, Page> = {};
    for (const role of ['map', 'queue', 'board', 'status']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${launched.host.url}&role=${role}`);
      await page.waitForSelector(`html[data-window-role="${role}"]`, { state: 'attached', timeout: 120_000 });
      pages[role] = page;
    }
    const { map, queue, board } = pages;
    if (!map || !queue || !board) throw new Error('windows did not open');
    await map.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 120_000 });
    await queue.waitForFunction(() => document.querySelectorAll('[data-incident-id]').length >= 2, undefined, { timeout: 120_000 });
    const ids = await queue.evaluate(() => Array.from(document.querySelectorAll('[data-incident-id]')).slice(0, 8).map((e) => e.getAttribute('data-incident-id') ?? ''));
    const toMap: number[] = [];
    const toBoard: number[] = [];
    for (let i = 0; i < SELECTIONS; i++) {
      const id = ids[i % ids.length] ?? '';
      const seen = Promise.all([shown(map, id), shown(board, id)]);
      const at = await clickRow(queue, id);
      const [onMap, onBoard] = await seen;
      toMap.push(onMap - at);
      toBoard.push(onBoard - at);
    }
    for (const [name, xs] of [['map wall', toMap], ['dispatch board', toBoard]] as const) {
      ctx.log(`queue → ${name}, ${SELECTIONS} selections, 4 windows: p50 ${percentile(xs, 0.5).toFixed(1)} ms, p99 ${percentile(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
    }
    return [
      metric(ctx, 'crosswindow_p99_ms', Math.max(percentile(toMap, 0.99), percentile(toBoard, 0.99)), 'ms', atMost(100), `${SELECTIONS} selections, 4 windows`),
      metric(ctx, 'crosswindow_p50_ms', Math.max(percentile(toMap, 0.5), percentile(toBoard, 0.5)), 'ms', null),
    ];
  } finally {
    await browser.close();
    await launched.close();
    await emulator.close();
  }
}

export const crosswindow: Bench = { name: 'crosswindow', browser: true, run };
