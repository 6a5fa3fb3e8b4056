import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basemapManifest } from '../../electron/core/basemap';
import { basemapPalette } from '../../renderer/map/palette';
import { launchChromium } from '../support/chromium';
import { ROOT, SHOTS, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole } from '../support/console-host';
import { countNear, decodePng, hexToRgb, projectFitted } from '../support/pixels';
import type { Box } from '../support/pixels';

const colour = (name: keyof typeof basemapPalette) => hexToRgb(basemapPalette[name]);
const OFFLINE = { PHUKET_PLATFORM_URL: 'http://127.0.0.1:9' };
const FIXTURE = join(ROOT, 'test', 'fixtures', 'tiles', 'phuket.pmtiles');
let browser: Browser;
const consoles: RunningConsole[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(consoles.map((c) => c.stop()));
});

async function open(env: Record<string, string>): Promise<RunningConsole> {
  const app = await startHeadlessConsole([], { ...OFFLINE, ...env });
  consoles.push(app);
  return app;
}

/** Opens the console on a view and waits until the map has drawn everything in it. */
async function look(app: RunningConsole, view: string | null, requests: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (r) => requests.push(r.url()));
  const hash = new URL(app.url).hash;
  await page.goto(view ? `${app.origin}/?view=${view}${hash}` : app.url);
  await page.waitForSelector('html[data-map-ready="true"][data-map-idle]', { state: 'attached', timeout: 90_000 });
  return page;
}

/** Where (lon, lat) is drawn on a map centred on `center` at `zoom` (maplibre's 512-pixel world). */
function project(box: Box, [clon, clat, zoom]: readonly number[], lon: number, lat: number) {
  const world = 512 * 2 ** (zoom ?? 0);
  const y = (l: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360)) / Math.PI) / 2;
  return { x: box.x + box.width / 2 + ((lon - (clon ?? 0)) / 360) * world, y: box.y + box.height / 2 + (y(lat) - y(clat ?? 0)) * world };
}
const square = ({ x, y }: { x: number; y: number }, r: number): Box => ({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });

async function shoot(page: Page, name: string) {
  const shot = await page.screenshot();
  writeFileSync(join(SHOTS, `basemap-${name}.png`), shot);
  const box = await page.locator('.map').boundingBox();
  if (!box) throw new Error('map element has no box');
  return { png: decodePng(shot), box };
}

describe('the shipped basemap at island, town and street zoom', () => {
  it('draws sea, land and roads where Phuket is at island zoom', async () => {
    const page = await look(await open({}), null);
    const { png, box } = await shoot(page, 'island');
    const at = (lon: number, lat: number) => projectFitted(basemapManifest.home, box, lon, lat);
    expect(countNear(png, square(at(98.18, 7.92), 5), colour('sea'), 6)).toBeGreaterThan(90);
    expect(countNear(png, square(at(98.35, 8.05), 4), colour('land'), 10)).toBeGreaterThan(40);
    const nw = at(98.25, 8.2);
    const se = at(98.46, 7.75);
    expect(countNear(png, { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y }, colour('primary'), 40)).toBeGreaterThan(300);
    await page.close();
  });

  it('draws the town on land and Phuket Bay as sea at town zoom', async () => {
    const view = [98.388, 7.884, 13];
    const page = await look(consoles[0] ?? (await open({})), view.join(','));
    const { png, box } = await shoot(page, 'town');
    // Phuket Bay, south-east of the town; Talat Nuea's blocks west of the old town.
    expect(countNear(png, square(project(box, view, 98.405, 7.862), 6), colour('sea'), 6)).toBeGreaterThan(130);
    expect(countNear(png, square(project(box, view, 98.376, 7.890), 6), colour('land'), 10)).toBeGreaterThan(100);
    expect(countNear(png, box, colour('secondary'), 25)).toBeGreaterThan(1000);
    await page.close();
  });

  it('puts Chalong circle on land at street zoom (Natural Earth drew the sea through it)', async () => {
    const view = [98.3407, 7.8223, 16];
    const page = await look(consoles[0] ?? (await open({})), view.join(','));
    const { png, box } = await shoot(page, 'street');
    const around = square(project(box, view, 98.3407, 7.8223), 150);
    expect(countNear(png, around, colour('sea'), 4)).toBe(0);
    expect(countNear(png, around, colour('land'), 6)).toBeGreaterThan(20_000);
    expect(countNear(png, around, colour('secondary'), 25)).toBeGreaterThan(2000);
    await page.close();
  });
});

describe('a site’s own tiles', () => {
  it('draws a PMTiles overlay read from local disk, with no request leaving the console', async () => {
    const app = await open({ PHUKET_BASEMAP_TILES: FIXTURE, PHUKET_BASEMAP_TILES_MODE: 'overlay' });
    const requests: string[] = [];
    const page = await look(app, null, requests);
    const { png, box } = await shoot(page, 'site-overlay');
    const nw = projectFitted(basemapManifest.home, box, 98.25, 8.2);
    const se = projectFitted(basemapManifest.home, box, 98.46, 7.75);
    // The fixture's roads in the overlay's lilac, over the shipped amber primaries.
    expect(countNear(png, { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y }, hexToRgb('#b9a8ff'), 30)).toBeGreaterThan(300);
    expect(await page.locator('.site-tiles-notice').count()).toBe(0);
    const outside = requests.filter((url) => !url.startsWith(`${app.origin}/`) && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
    await page.close();
  });

  it('keeps the shipped basemap and tells the operator when the file cannot be read', async () => {
    const app = await open({ PHUKET_BASEMAP_TILES: '/nonexistent/site.pmtiles' });
    const page = await look(app, null);
    const { png, box } = await shoot(page, 'site-missing');
    await expect(page.locator('.site-tiles-notice').innerText()).resolves.toMatch(/Site tiles not shown.*ENOENT/s);
    const land = projectFitted(basemapManifest.home, box, 98.35, 8.05);
    expect(countNear(png, square(land, 4), colour('land'), 10)).toBeGreaterThan(40);
    await page.close();
  });
});
