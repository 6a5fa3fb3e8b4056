/**
 * `npm run bench -- queue` (supporting figures, no target): the incident queue under load: frame times while scrolling with 5 000 incidents, as a ratio to the same
 * scroll with the ordinary handful, and how many rows are in the page (virtualised: a screenful, not 5 000).
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
import { metric } from './harness';

const root = resolve(import.meta.dirname, '../..');

async function addIncidents(url: string, count: number): Promise<void> {
  const types = ['traffic-accident', 'medical', 'fire', 'theft', 'drowning'];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/ngsi-ld/v1/entities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: `urn:ngsi-ld:Alert:phuket:bench-${i}`,
        type: 'Alert',
        incidentType: types[i % types.length],
        severity: ['low', 'medium', 'high', 'critical'][i % 4],
        location: { type: 'Point', coordinates: [98.28 + (i % 70) * 0.002, 7.8 + Math.floor(i / 70) * 0.004] },
        description: `bench incident ${i}`,
      }),
    });
    if (response.status !== 201) throw new Error(`emulator refused incident ${i}: ${response.status}`);
  }
}

/** Scrolls the queue from top to bottom, one step a frame, and returns frame intervals in ms. */
async function scrollFrames(page: Page, steps: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const scroller = document.querySelector('[data-testid="queue-scroll"]');
    if (!(scroller instanceof HTMLElement)) throw new Error('no queue');
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < n; i++) {
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * (i + 1)) / n;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  }, steps);
}

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { mean: xs.reduce((s, x) => s + x, 0) / xs.length, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
};

async function measure(extra: number): Promise<{ mean: number; p95: number; rows: number; total: number }> {
  const emulator = await startEmulator({ seed: 8, speed: 1, autoTick: false });
  await addIncidents(emulator.url, extra);
  const launched = await launchBrowserHost({ root, platform: PlatformConfig.parse({ baseUrl: emulator.url }), dataDir: mkdtempSync(join(tmpdir(), 'bench-queue-')) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(launched.host.url);
    await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 120_000 });
    await page.waitForFunction(
      (n) => {
        const total = Number(/of (\d+)/.exec(document.querySelector('.incidents h2')?.textContent ?? '')?.[1] ?? '0');
        return Number(document.documentElement.dataset['liveFrames'] ?? '0') > 0 && document.querySelectorAll('.incident-row').length > 0 && total >= n;
      },
      extra,
      { timeout: 120_000 },
    );
    // The map's layers off, so the numbers are the queue's, not software WebGL's.
    for (const name of ['Traffic', 'Incidents', 'Units']) await page.getByRole('region', { name: 'Map legend' }).getByRole('checkbox', { name }).uncheck();
    await scrollFrames(page, 30);
    const frames = await scrollFrames(page, 240);
    const rows = await page.evaluate(() => document.querySelectorAll('.incident-row').length);
    const total = await page.evaluate(() => Number(/of (\d+)/.exec(document.querySelector('.incidents h2')?.textContent ?? '')?.[1] ?? '0'));
    return { ...stats(frames), rows, total };
  } finally {
    await browser.close();
    await launched.close();
    await emulator.close();
  }
}

async function run(ctx: BenchContext): Promise<Metric[]> {
  buildRendererIfStale(root);
  const small = await measure(0);
  const large = await measure(ctx.smoke ? 50 : 5000);
  ctx.log(`${large.total} incidents: ${large.mean.toFixed(1)} ms/frame (p95 ${large.p95.toFixed(1)}), ${large.rows} rows in the page; ${small.total} incidents: ${small.mean.toFixed(1)} ms/frame (p95 ${small.p95.toFixed(1)})`);
  return [
    metric(ctx, 'queue_scroll_frame_ratio', large.mean / small.mean, 'ratio', null, `${large.total} incidents against ${small.total}`),
    metric(ctx, 'queue_rows_in_page', large.rows, 'rows', null),
  ];
}

export const queue: Bench = { name: 'queue', browser: true, run };
