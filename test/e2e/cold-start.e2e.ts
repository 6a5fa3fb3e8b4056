import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basemapManifest } from '../../electron/core/basemap';
import { createStore } from '../../electron/core/store/store';
import { TRAFFIC_BANDS } from '../../renderer/map/layers/colors';
import { launchChromium } from '../support/chromium';
import { ROOT, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole } from '../support/console-host';
import { waitForLiveFrames } from '../support/console-page';
import { countNear, decodePng, projectFitted } from '../support/pixels';
import { seedCache } from '../support/seed-cache';

const UNREACHABLE = { PHUKET_PLATFORM_URL: 'http://127.0.0.1:9' };
let browser: Browser;
const consoles: RunningConsole[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const app of consoles) await app.stop();
});

describe('cold start from the local cache', () => {
  it('paints 50 000 cached observations before any feed connects, and says how old they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cold-'));
    const written = await seedCache(dir, 50_000);
    expect(written).toBe(50_000);

    const started = Date.now();
    const app = await startHeadlessConsole([], { ...UNREACHABLE, PHUKET_CONSOLE_DATA: dir });
    consoles.push(app);
    const hostReadyMs = Date.now() - started;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
    const mapReadyMs = Date.now() - started;
    await waitForLiveFrames(page, 1);
    const paintedMs = Date.now() - started;
    console.log(`cold start: ${written} cached observations; host ready ${hostReadyMs} ms, basemap ready ${mapReadyMs} ms, cached picture painted ${paintedMs} ms after launch (platform unreachable)`);

    await page.getByRole('alert').filter({ hasText: 'Platform unreachable since' }).filter({ hasText: 'Showing cached data from' }).waitFor();
    const shot = await page.screenshot();
    writeFileSync(join(ROOT, 'test-results', 'cold-start-cache.png'), shot);
    const png = decodePng(shot);
    const box = await page.locator('.map').boundingBox();
    if (!box) throw new Error('no map box');
    const nw = projectFitted(basemapManifest.home, box, 98.25, 8.2);
    const se = projectFitted(basemapManifest.home, box, 98.46, 7.75);
    const island = { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y };
    const coloured = TRAFFIC_BANDS.reduce((sum, band) => sum + countNear(png, island, [band.color[0], band.color[1], band.color[2]], 18), 0);
    expect(coloured).toBeGreaterThan(1000);
    const queue = page.getByRole('list', { name: 'Incident queue' }).getByRole('button');
    expect(await queue.count()).toBeGreaterThan(3);
    await page.close();
    await app.stop();
  });

  it('moves a damaged database aside, starts afresh and tells the operator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'damaged-'));
    const store = createStore({ dir });
    await store.open();
    await store.close();
    writeFileSync(join(dir, 'journal.db'), Buffer.alloc(64 * 1024, 0x5a));
    const app = await startHeadlessConsole([], { ...UNREACHABLE, PHUKET_CONSOLE_DATA: dir });
    consoles.push(app);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.getByRole('status').filter({ hasText: 'journal.db was damaged' }).filter({ hasText: 'a fresh one started' }).waitFor({ timeout: 60_000 });
    writeFileSync(join(ROOT, 'test-results', 'damaged-journal.png'), await page.screenshot());
    await page.close();
  });
});
