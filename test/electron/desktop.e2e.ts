import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectron } from '../../scripts/electron-runtime';
import { ROOT } from '../support/console-host';

// The desktop around the console: the application menu, the About window and the bad-config dialog.
// Runs where the Electron binary exists; here it cannot be downloaded, so the suite is skipped and says why.
const runtime = findElectron({ download: false });
const title = runtime.ok ? 'the desktop app' : `the desktop app (skipped: ${runtime.reason})`;
const binary = runtime.ok ? runtime.path : '';

/** An environment with no PHUKET_* of the caller's, config files in a fresh folder. */
function isolatedEnv(files: { machine?: unknown; user?: unknown }): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'desktop-e2e-'));
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !e[0].startsWith('PHUKET_') && e[1] !== undefined));
  const machine = join(dir, 'machine.json');
  const user = join(dir, 'user.json');
  if (files.machine !== undefined) writeFileSync(machine, JSON.stringify(files.machine));
  if (files.user !== undefined) writeFileSync(user, JSON.stringify(files.user));
  return { ...env, PHUKET_CONFIG_MACHINE: machine, PHUKET_CONFIG_USER: user, PHUKET_CONSOLE_DATA: join(dir, 'data') };
}

describe.skipIf(!runtime.ok)(title, () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    app = await electron.launch({ executablePath: binary, args: [ROOT], cwd: ROOT, env: isolatedEnv({ machine: { logLevel: 'info', workstation: 'CC-E2E-01' } }) });
    page = await app.firstWindow();
  });
  afterAll(async () => app?.close());

  it('has the File, View and Help menu with the console commands', async () => {
    const menu = await app.evaluate(({ Menu }) => {
      const m = Menu.getApplicationMenu();
      return { top: m?.items.map((i) => i.label) ?? [], ids: ['export-audit', 'export-diagnostics', 'language-th', 'full-screen', 'about', 'log-folder'].filter((id) => m?.getMenuItemById(id)) };
    });
    expect(menu.top).toEqual(['&File', '&View', '&Help']);
    expect(menu.ids).toHaveLength(6);
  });

  it('opens the About window from Help, with the Electron and Chromium versions, the folders and the licences', async () => {
    await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
    await app.evaluate(({ Menu, BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.focus();
      Menu.getApplicationMenu()?.getMenuItemById('about')?.click();
    });
    const dialog = page.getByTestId('about-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.locator('[data-about="runtime"]').textContent()).toMatch(/Electron \d+.*Chromium \d+.*Node \d+/);
    expect(await dialog.locator('[data-about="crash-dumps"]').textContent()).toMatch(/Crashpad|crash/i);
    expect(await dialog.locator('[data-about="licences"]').textContent()).toMatch(/ODbL.*CC BY-IGO.*Public domain.*Open Font/s);
  });

  it('shows a dialog naming the bad field and its file instead of exiting silently', async () => {
    const env = isolatedEnv({ user: { operator: { name: 'Nok', role: 'admin' } } });
    const child = spawn(binary, [ROOT], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      // The dialog is modal; what it says is logged too, so the test reads it there (with a deadline, no sleeps).
      const said = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no start-failure message within 60 s: ${text}`)), 60_000);
        child.stderr.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (/could not start/.test(text)) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(`${text}\nexit ${code}`);
        });
      });
      expect(said).toMatch(/operator\.role/);
      expect(said).toContain(env['PHUKET_CONFIG_USER']);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
