import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { basemapManifest } from '../../electron/core/basemap';
import { SEVERITY_STYLE, TRAFFIC_BANDS, UNIT_STATUS_COLORS } from '../../renderer/map/layers/colors';
import { launchChromium } from '../support/chromium';
import { ROOT, startEmulatorProcess, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole, RunningEmulator } from '../support/console-host';
import { feedState, LAYER_NAMES, showOnly, waitForLiveFrames, waitForNewData } from '../support/console-page';
import { emulatorMqttUrl } from '../support/emulator-control';
import { FEED_PATHS } from '../../emulator/feeds/paths';
import type { Box } from '../support/pixels';
import { countNear, decodePng, projectFitted } from '../support/pixels';

const SHOTS = join(ROOT, 'test-results');
let emulator: RunningEmulator;
let app: RunningConsole;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let island: Box;

const Unit = z.object({ id: z.string(), location: z.object({ coordinates: z.tuple([z.number(), z.number()]) }) }).loose();

/** So that something is surely moving: a report in the far north, and the southernmost free unit sent to it. */
async function sendUnitAcrossTheIsland(url: string): Promise<void> {
  const units = z.array(Unit).parse(await (await fetch(`${url}/ngsi-ld/v1/entities?type=Vehicle&limit=1000&options=keyValues&q=unitStatus==%22available%22;agency==%22police%22`)).json());
  const southern = [...units].sort((a, b) => a.location.coordinates[1] - b.location.coordinates[1])[0];
  if (!southern) throw new Error('no available police unit');
  const id = `urn:ngsi-ld:Alert:phuket:e2e-${Date.now()}`;
  const post = await fetch(`${url}/ngsi-ld/v1/entities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, type: 'Alert', incidentType: 'theft', severity: 'low', location: { type: 'Point', coordinates: [98.305, 8.15] } }),
  });
  if (post.status !== 201) throw new Error(`report refused: ${post.status}`);
  for (const body of [{ status: 'acknowledged' }, { status: 'dispatched', assignedUnits: [southern.id] }]) {
    const patch = await fetch(`${url}/ngsi-ld/v1/entities/${encodeURIComponent(id)}/attrs`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (patch.status !== 204) throw new Error(`dispatch refused: ${patch.status} ${await patch.text()}`);
  }
}

async function shot(name: string): Promise<PNG> {
  const buffer = await page.screenshot();
  writeFileSync(join(SHOTS, `${name}.png`), buffer);
  return decodePng(buffer);
}

/** Pixels that differ between two screenshots inside a box. */
function changedPixels(a: PNG, b: PNG, box: Box): number {
  let changed = 0;
  for (let y = Math.floor(box.y); y < box.y + box.height; y++) {
    for (let x = Math.floor(box.x); x < box.x + box.width; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) + Math.abs((a.data[i + 1] ?? 0) - (b.data[i + 1] ?? 0)) + Math.abs((a.data[i + 2] ?? 0) - (b.data[i + 2] ?? 0)) > 60) changed++;
    }
  }
  return changed;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  emulator = await startEmulatorProcess(['--port', '0', '--speed', '60', '--seed', '7', '--tick-ms', '250', '--start', '2026-11-26T07:45:00+07:00']);
  // Every source of the platform: the NGSI-LD broker with MQTT, and CAP warnings, Smart Bus and citizen reports polled beside it.
  app = await startHeadlessConsole([], {
    PHUKET_PLATFORM_URL: emulator.url,
    PHUKET_MQTT_URL: await emulatorMqttUrl(emulator.url),
    PHUKET_CAP_URL: `${emulator.url}${FEED_PATHS.cap}`,
    PHUKET_CAP_POLL_S: '1',
    PHUKET_GTFSRT_URL: `${emulator.url}${FEED_PATHS.gtfsRealtime}`,
    PHUKET_GTFSRT_POLL_S: '1',
    PHUKET_REPORTS_URL: `${emulator.url}${FEED_PATHS.citizenReports}`,
    PHUKET_REPORTS_POLL_S: '1',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  await waitForLiveFrames(page, 1);
  const box = await page.locator('.map').boundingBox();
  if (!box) throw new Error('no map box');
  const nw = projectFitted(basemapManifest.home, box, 98.25, 8.2);
  const se = projectFitted(basemapManifest.home, box, 98.46, 7.75);
  island = { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y };
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await emulator?.stop();
});

describe('Phuket alive: the emulator through the core to the map', () => {
  it('shows every feed live in the feed-health panel', async () => {
    try {
      for (const feed of LAYER_NAMES) await feedState(page, feed, 'connected').waitFor({ timeout: 30_000 });
    } finally {
      await shot('live-all-layers');
    }
  });

  it('draws CAP warning areas, Smart Bus buses and citizen reports, each on its own switch', async () => {
    const reports = page.getByRole('listbox', { name: 'Citizen reports, newest first' }).getByRole('option');
    await reports.first().waitFor({ timeout: 30_000 });
    await showOnly(page, []);
    const off = await shot('live-no-layers');
    for (const [layer, minimum] of [['Warnings (CAP)', 2000], ['Smart Bus', 20], ['Citizen reports', 20]] as const) {
      await showOnly(page, [layer]);
      const on = await shot(`live-${layer.split(' ')[0]?.toLowerCase() ?? 'layer'}`);
      expect(changedPixels(on, off, island), `${layer} draws on the map`).toBeGreaterThan(minimum);
    }
    await showOnly(page, [...LAYER_NAMES]);
  });

  it('colours the real roads by speed, in more than one colour', async () => {
    await showOnly(page, ['Traffic']);
    const png = await shot('live-traffic');
    const bands = TRAFFIC_BANDS.map((band) => countNear(png, island, [band.color[0], band.color[1], band.color[2]], 18));
    expect(bands.filter((n) => n > 40).length).toBeGreaterThanOrEqual(2);
  });

  it('draws incidents, sized and coloured by severity', async () => {
    await showOnly(page, ['Incidents']);
    const png = await shot('live-incidents');
    const drawn = Object.values(SEVERITY_STYLE).reduce((sum, s) => sum + countNear(png, island, [s.color[0], s.color[1], s.color[2]], 16), 0);
    expect(drawn).toBeGreaterThan(200);
  });

  it('draws units, and they move between two screenshots', async () => {
    await sendUnitAcrossTheIsland(emulator.url);
    await showOnly(page, ['Units']);
    const first = await shot('live-units-1');
    const drawn = Object.values(UNIT_STATUS_COLORS).reduce((sum, c) => sum + countNear(first, island, [c[0], c[1], c[2]], 16), 0);
    expect(drawn).toBeGreaterThan(300);
    await waitForNewData(page, 4, 'unitUpdates');
    const second = await shot('live-units-2');
    expect(changedPixels(first, second, island)).toBeGreaterThan(20);
    await showOnly(page, ['Traffic', 'Incidents', 'Units']);
  });

  it('says the platform is down within 10 s of it stopping, and keeps running', async () => {
    const stoppedAt = Date.now();
    await emulator.stop();
    for (const feed of LAYER_NAMES) await feedState(page, feed, 'down').waitFor({ timeout: 10_000 });
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    await shot('live-platform-down');
    expect(app.process.exitCode).toBeNull();
    expect(pageErrors).toEqual([]);
    await expect(page.locator('html[data-map-ready="true"]').count()).resolves.toBe(1);
  });
});
