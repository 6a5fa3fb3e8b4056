import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectron } from '../../scripts/electron-runtime';
import { ROOT } from '../support/console-host';

// Two faked displays side by side: the Electron host must open one window per display, each with its role.
const DISPLAYS = [
  { id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 }, primary: true },
  { id: 2, bounds: { x: 1280, y: 0, width: 1280, height: 800 } },
];

// Runs the real desktop app where the Electron binary exists; here it cannot be downloaded, so the suite is skipped and says why.
const runtime = findElectron({ download: false });
const title = runtime.ok ? 'the Electron wall on two faked displays' : `the Electron wall on two faked displays (skipped: ${runtime.reason})`;
if (!runtime.ok) console.warn(`Skipping the Electron multi-window suite: ${runtime.reason}. It runs where the Electron binary can be downloaded.`);

async function windowsByRole(app: ElectronApplication, count: number): Promise<Map<string, Page>> {
  const byRole = new Map<string, Page>();
  const deadline = Date.now() + 60_000;
  while (byRole.size < count) {
    if (Date.now() > deadline) throw new Error(`only ${byRole.size} of ${count} windows learnt their role`);
    for (const page of app.windows()) {
      const role = await page.evaluate(() => document.documentElement.dataset['windowRole'] ?? null).catch(() => null);
      if (role) byRole.set(role, page);
    }
    if (byRole.size < count) await app.waitForEvent('window', { timeout: 1_000 }).catch(() => undefined);
  }
  return byRole;
}

describe.skipIf(!runtime.ok)(title, () => {
  let app: ElectronApplication;

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    app = await electron.launch({
      executablePath: runtime.ok ? runtime.path : '',
      args: [ROOT],
      cwd: ROOT,
      env: { ...process.env, PHUKET_FAKE_DISPLAYS: JSON.stringify(DISPLAYS), PHUKET_CONSOLE_DATA: mkdtempSync(join(tmpdir(), 'electron-wall-')) },
    });
  });
  afterAll(async () => app?.close());

  it('opens the queue on the primary display and the map wall on the second, each knowing its role before it draws', async () => {
    const windows = await windowsByRole(app, 2);
    expect([...windows.keys()].sort()).toEqual(['map', 'queue']);
    const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ title: w.getTitle(), ...w.getBounds() })));
    expect(bounds.map((b) => b.x).sort((a, b) => a - b)).toEqual([0, 1280]);
    await windows.get('map')?.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  });

  it('a window whose renderer is killed comes back with its role', async () => {
    const before = await windowsByRole(app, 2);
    await app.evaluate(({ BrowserWindow }) => {
      const queue = BrowserWindow.getAllWindows().find((w) => w.getTitle().includes('queue') || w.webContents.getURL().includes('role=queue'));
      queue?.webContents.forcefullyCrashRenderer();
    });
    const queue = before.get('queue');
    await queue?.waitForFunction(() => document.documentElement.dataset['windowRole'] === 'queue', undefined, { timeout: 60_000 });
  });
});
