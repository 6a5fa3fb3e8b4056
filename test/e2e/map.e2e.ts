import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basemapPalette } from '../../renderer/map/palette';
import { basemapManifest } from '../../electron/core/basemap';
import { launchChromium } from '../support/chromium';
import { ROOT, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole } from '../support/console-host';
import { countNear, decodePng, hexToRgb, projectFitted, shareNear } from '../support/pixels';

const SHOTS = join(ROOT, 'test-results');
let app: RunningConsole;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  // A platform that is not there: the basemap alone, as on a workstation cut off from the network.
  app = await startHeadlessConsole([], { PHUKET_PLATFORM_URL: 'http://127.0.0.1:9' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the offline Phuket map in Chromium through the browser host', () => {
  it('draws sea, land, roads by class and stations where Phuket is', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const shot = await page.screenshot();
    writeFileSync(join(SHOTS, 'map-home.png'), shot);
    const png = decodePng(shot);
    const box = await page.locator('.map').boundingBox();
    if (!box) throw new Error('map element has no box');
    const at = (lon: number, lat: number) => projectFitted(basemapManifest.home, box, lon, lat);
    const colour = (name: keyof typeof basemapPalette) => hexToRgb(basemapPalette[name]);

    // Andaman Sea west of Patong, and the island's interior east of Kathu (no roads or streams there).
    const sea = at(98.18, 7.92);
    expect(shareNear(png, sea.x, sea.y, colour('sea'), 6)).toBeGreaterThan(0.9);
    const land = at(98.35, 8.05);
    expect(shareNear(png, land.x, land.y, colour('land'), 10, 3)).toBeGreaterThan(0.5);

    // Roads: the amber primaries and grey secondaries lie inside Phuket's box, and not out at sea.
    const nw = at(98.25, 8.2);
    const se = at(98.46, 7.75);
    const phuket = { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y };
    expect(countNear(png, phuket, colour('primary'), 40)).toBeGreaterThan(300);
    expect(countNear(png, phuket, colour('secondary'), 25)).toBeGreaterThan(300);
    const legend = await page.getByRole('region', { name: 'Map legend' }).boundingBox();
    const seaFrom = (legend?.x ?? 0) + (legend?.width ?? 0) + 4;
    const westSea = { x: seaFrom, y: box.y, width: at(98.1, 8).x - seaFrom, height: box.height };
    expect(countNear(png, westSea, colour('primary'), 40)).toBe(0);

    // Police (blue shield), fire (orange triangle) and hospital (green cross) symbols.
    expect(countNear(png, phuket, hexToRgb('#3b7bff'), 30)).toBeGreaterThan(50);
    expect(countNear(png, phuket, hexToRgb('#ff5a2e'), 30)).toBeGreaterThan(20);
    expect(countNear(png, phuket, hexToRgb('#1e9e5a'), 30)).toBeGreaterThan(20);
  });

  it('shows the attributions the data licences require', async () => {
    const text = await page.locator('.maplibregl-ctrl-attrib').innerText();
    expect(text).toContain('© OpenStreetMap contributors');
    expect(text).toContain('Natural Earth');
    expect(text).toContain('OCHA');
  });

  it('makes no request that leaves loopback', () => {
    expect(requests.length).toBeGreaterThan(5);
    const outside = requests.filter((url) => !url.startsWith(`${app.origin}/`) && !url.startsWith(app.origin.replace('http', 'ws') + '/') && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
  });

  it('gives the page no Node globals and no extra API beyond the contract', async () => {
    const leaks = await page.evaluate(() =>
      ['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'electron', 'ipcRenderer'].filter(
        (name) => name in globalThis,
      ),
    );
    expect(leaks).toEqual([]);
    // The browser host gives the page no bridge object at all: the contract is reached over the WebSocket only.
    expect(await page.evaluate(() => 'phuket' in window)).toBe(false);
  });

  it('says in the top bar that, with no operator profile on a configured platform, it is a read-only viewer', async () => {
    const viewer = page.locator('.top-bar [data-session="viewer"]');
    await viewer.waitFor();
    expect(await viewer.textContent()).toBe('Read-only viewer — no operator profile configured');
    expect(await page.locator('.top-bar [data-session="demo"]').count()).toBe(0);
  });

  it('renders without page errors, and the CSP header is served', async () => {
    expect(pageErrors).toEqual([]);
    const response = await page.request.get(`${app.origin}/`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  });
});
