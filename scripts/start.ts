/**
 * `npm start`: the Electron console where its runtime is available; otherwise the same console
 * through the loopback browser host, in a Chromium --app window if one is installed.
 * `npm start -- --headless`: only the host; its URL (with the launch secret) is the first line printed.
 * The secret is printed, never passed on a command line (which `ps` shows to every user): the window is
 * opened with a one-time ticket instead, which the host trades for a session cookie on first load.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PlatformConfig, POLLED_ENV } from '../electron/core/config';
import { emulatorSources } from '../emulator/feeds/paths';
import { environmentWithSettings } from '../electron/core/settings/environment';
import { settingsOrBadConfigPage } from '../electron/core/settings/startup';
import { launchBrowserHost } from '../electron/host/launch';
import { openChromiumWall, planBrowserWall } from '../electron/main/windows/chromiumWall';
import { startEmulator } from '../emulator/emulator';
import { buildIfStale, buildRendererIfStale } from './build-if-stale';
import { findElectron } from './electron-runtime';
import { findChromium } from './find-chromium';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    port: { type: 'string' },
    speed: { type: 'string', default: '1' },
    seed: { type: 'string' },
    // The emulator's simulated start, e.g. 2026-12-06T10:00+07:00 (buses run on the Smart Bus's hours, about 06:00 to 22:00).
    start: { type: 'string' },
    'emulator-state': { type: 'string' },
    // The multi-monitor wall: one --app window per role (see electron/main/windows/chromiumWall.ts).
    windows: { type: 'string' },
    profile: { type: 'string' },
  },
});
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const closers: (() => Promise<void>)[] = [];
// Only a console on the emulator this process started gets the demo supervisor; any other is a viewer without a profile.
let builtInEmulator = false;

/** The configured platform, or the built-in Phuket emulator started in this process. */
async function platform(): Promise<PlatformConfig> {
  const configured = settings?.platform ?? null;
  if (configured) return configured;
  const emulator = await startEmulator({
    speed: Number(values.speed),
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    ...(values.start === undefined ? {} : { startTime: values.start }),
    ...(values['emulator-state'] === undefined ? {} : { statePath: values['emulator-state'] }),
  });
  closers.push(() => emulator.close());
  builtInEmulator = true;
  console.error(`Phuket platform emulator at ${emulator.url} (speed ${values.speed}x)`);
  // Notifications come through the emulator's embedded MQTT broker, as they would through a site's own.
  // Warnings, buses and citizen reports come from the emulator too, each in its own standard.
  return PlatformConfig.parse({ baseUrl: emulator.url, label: 'emulator', sources: emulatorSources(emulator.url), ...(emulator.mqttUrl === null ? {} : { mqtt: { url: emulator.mqttUrl } }) });
}

async function runBrowserHost(openWindow: boolean): Promise<void> {
  buildRendererIfStale(root);
  const launched = await launchBrowserHost({ root, platform: await platform(), builtInEmulator, ...(port === undefined ? {} : { port }) });
  closers.unshift(() => launched.close());
  console.log(launched.host.url);
  const stop = () => void Promise.all(closers.map((close) => close())).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!openWindow) return;
  const chromium = findChromium();
  if (!chromium) {
    console.error('No Chromium found to open the console in: open the URL above in a browser.');
    return;
  }
  if (values.windows !== undefined || values.profile !== undefined) {
    const wall = openChromiumWall({ chromium, ticketUrl: () => launched.host.ticketUrl(), windows: planBrowserWall(Number(values.windows ?? '1'), values.profile, process.env), onAllClosed: stop, say: (line) => console.error(line) });
    closers.unshift(async () => wall.close());
    return;
  }
  const profile = mkdtempSync(join(tmpdir(), 'phuket-console-'));
  const window = spawn(chromium, [`--app=${launched.host.ticketUrl()}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], { stdio: 'ignore' });
  const openedAt = Date.now();
  window.on('error', (error) => console.error(`Chromium could not be started (${error.message}); the console is still served at the URL above.`));
  window.on('exit', (code) => {
    // A window that could not open at all (no display, say) leaves the console serving at the URL above.
    if (code !== 0 && Date.now() - openedAt < 10_000) console.error(`Chromium could not open a window (exit ${code}); the console is still served at the URL above.`);
    else stop();
  });
}

async function runElectron(binary: string): Promise<void> {
  buildRendererIfStale(root);
  buildIfStale(root, 'dist-electron/main.cjs', ['electron', 'shared', 'vite.electron.config.ts'], 'build:electron');
  const { baseUrl, tenant, token, feeds, mqtt, sources } = await platform();
  const polled = Object.fromEntries(
    POLLED_ENV.flatMap(([key, name]) => {
      const source = sources[key];
      return source ? [[`PHUKET_${name}_URL`, source.url], [`PHUKET_${name}_POLL_S`, String(source.pollS)]] : [];
    }),
  );
  const env = { ...process.env, ...polled, ...(mqtt ? { PHUKET_MQTT_URL: mqtt.url } : {}), PHUKET_PLATFORM_URL: baseUrl, PHUKET_PLATFORM_TENANT: tenant ?? '', PHUKET_PLATFORM_TOKEN: token ?? '', PHUKET_PLATFORM_FEEDS: feeds.join(','), PHUKET_BUILTIN_EMULATOR: builtInEmulator ? '1' : '' };
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  child.on('exit', (code) => void Promise.all(closers.map((close) => close())).then(() => process.exit(code ?? 0)));
}

// The config files and the environment, layered (electron/core/settings); a bad one opens a page naming each bad field.
const settings = await settingsOrBadConfigPage(process.env, (url) => {
  console.log(url);
  const chromium = values.headless ? null : findChromium();
  if (chromium) spawn(chromium, [`--app=${url}`, '--no-first-run'], { stdio: 'ignore' }).on('error', () => undefined);
  console.error(`The console's configuration is wrong; the reasons are at ${url} (Ctrl-C to stop).`);
});
if (settings !== null) Object.assign(process.env, environmentWithSettings(settings, process.env));

if (settings === null) {
  // The bad-config page stays up until the process is stopped.
} else if (values.headless) {
  await runBrowserHost(false);
} else if (values.browser) {
  await runBrowserHost(true);
} else {
  const electron = findElectron();
  if (electron.ok) await runElectron(electron.path);
  else {
    console.error(`Electron is not available here: ${electron.reason}; serving the console through the browser host instead.`);
    await runBrowserHost(true);
  }
}
