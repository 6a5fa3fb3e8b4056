import { execFileSync } from 'node:child_process';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import { findElectron } from '../../scripts/electron-runtime';
import { ROOT } from '../support/console-host';

// Runs the real desktop app where the Electron binary exists (an online workstation or CI with a cache).
// Here the binary cannot be downloaded, so the suite is skipped and its title says why.
const runtime = findElectron({ download: false });
const title = runtime.ok ? 'the Electron app' : `the Electron app (skipped: ${runtime.reason})`;
if (!runtime.ok) console.warn(`Skipping the Electron app suite: ${runtime.reason}. It runs where the Electron binary can be downloaded.`);

describe.skipIf(!runtime.ok)(title, () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    app = await electron.launch({ executablePath: runtime.ok ? runtime.path : '', args: [ROOT], cwd: ROOT });
    page = await app.firstWindow();
  });
  afterAll(async () => app?.close());

  it('loads the map from app:// and reaches readiness', async () => {
    expect(page.url()).toMatch(/^app:\/\/console\//);
    await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  });

  it('exposes exactly the contract on window.phuket and no Node', async () => {
    const keys = await page.evaluate(() => Object.keys(window.phuket ?? {}).sort());
    expect(keys).toEqual([...channelNames].sort());
    expect(await page.evaluate(() => ['require', 'process', 'module', 'Buffer', 'global'].filter((n) => n in globalThis))).toEqual([]);
    const info = await page.evaluate(() => window.phuket?.['app:info']({}));
    expect(info).toMatchObject({ host: 'electron' });
  });
});
