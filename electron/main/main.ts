import { app, BrowserWindow, session } from 'electron';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { platformFromEnvironment } from '../core/config';
import { startConsoleCore } from '../core/consoleCore';
import type { ConsoleCore } from '../core/consoleCore';
import { installFileLog } from '../core/log/install';
import type { InstalledLog } from '../core/log/install';
import { log } from '../core/log/logger';
import { installProcessGuards, recordFault } from '../core/processGuards';
import { builtInEmulatorFromEnvironment, decideProfile } from '../core/profile';
import { createStore } from '../core/store/store';
import { uuidv7 } from '../core/store/uuidv7';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { refuseToStart } from './startFailure';
import { createConsoleWindow } from './window';

registerAppScheme();

/** Everything between "ready" and the first window; any throw here ends in a dialog, never a silent exit. */
async function start(preload: string, logFile: InstalledLog): Promise<ConsoleCore> {
  denyAllPermissions(session.defaultSession);
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
  const dir = process.env['PHUKET_CONSOLE_DATA'] ?? join(app.getPath('userData'), 'data');
  const platform = platformFromEnvironment(process.env);
  const decision = decideProfile(process.env, { builtInEmulator: builtInEmulatorFromEnvironment(process.env, platform), hostname: hostname() });
  log().info('console starting', { host: 'electron', version: app.getVersion(), profileMode: decision.mode, role: decision.profile.role, platform: platform?.baseUrl ?? null, data: dir, log: logFile.path });
  if (!platform) log().warn('no platform configured: set PHUKET_PLATFORM_URL or PHUKET_PLATFORM_CONFIG; showing the cache only');
  if (decision.mode === 'viewer') log().warn('no operator profile configured: read-only viewer (set PHUKET_OPERATOR_NAME and PHUKET_OPERATOR_ROLE to act)');
  const core = await startConsoleCore({
    name: app.getName(),
    version: app.getVersion(),
    host: 'electron',
    platform,
    profile: decision.profile,
    profileMode: decision.mode,
    store: () => createStore({ dir, worker: { path: join(__dirname, 'storeWorker.cjs') } }),
    newId: () => uuidv7(),
  });
  bindIpc(core.handlers, core.events);
  createConsoleWindow(preload);
  return core;
}

/** Quitting waits for the core to stop (outbox, feeds, store closed) and the log to be flushed. */
function stopOnQuit(core: ConsoleCore, logFile: InstalledLog): void {
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void core
      .stop()
      .catch((error: unknown) => recordFault('stopping the core', error))
      .then(() => log().info('console stopped'))
      .then(() => logFile.close())
      .finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installProcessGuards();
  const preload = join(__dirname, 'preload.cjs');
  app.on('second-instance', () => {
    const [first] = BrowserWindow.getAllWindows();
    if (first?.isMinimized()) first.restore();
    first?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    let logFile: InstalledLog | null = null;
    try {
      logFile = installFileLog(app.getPath('logs'), process.env);
      stopOnQuit(await start(preload, logFile), logFile);
    } catch (error) {
      await refuseToStart(error, logFile);
    }
  });
}
