import { app, BrowserWindow, session } from 'electron';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseEvent } from '../../shared/contract';
import { startConsoleCore } from '../core/consoleCore';
import { installFileLog } from '../core/log/install';
import type { InstalledLog } from '../core/log/install';
import { log } from '../core/log/logger';
import { installProcessGuards, recordFault } from '../core/processGuards';
import { builtInEmulatorFromEnvironment, decideProfile } from '../core/profile';
import { createStore } from '../core/store/store';
import { uuidv7 } from '../core/store/uuidv7';
import { startCrashReporter } from './crash';
import { desktopSettings, startDesktop } from './desktop';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { allowOnlyConsoleNotifications, hardenWebContents } from './security';
import { refuseToStart } from './startFailure';
import { superviseCore } from './windows/coreSupervisor';
import type { CoreSupervisor } from './windows/coreSupervisor';
import { createWindowManager } from './windows/windowManager';
import type { WindowManager } from './windows/windowManager';

registerAppScheme();
const crashDumps = startCrashReporter();

/** Everything between "ready" and the first windows; any throw here ends in a dialog, never a silent exit. */
async function start(preload: string, logFile: InstalledLog): Promise<CoreSupervisor> {
  allowOnlyConsoleNotifications(session.defaultSession);
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
  const dir = process.env['PHUKET_CONSOLE_DATA'] ?? join(app.getPath('userData'), 'data');
  const platform = desktopSettings().platform;
  const decision = decideProfile(process.env, { builtInEmulator: builtInEmulatorFromEnvironment(process.env, platform), hostname: hostname() });
  log().info('console starting', { host: 'electron', version: app.getVersion(), profileMode: decision.mode, role: decision.profile.role, platform: platform?.baseUrl ?? null, data: dir, log: logFile.path });
  if (!platform) log().warn('no platform configured: set PHUKET_PLATFORM_URL or PHUKET_PLATFORM_CONFIG; showing the cache only');
  if (decision.mode === 'viewer') log().warn('no operator profile configured: read-only viewer (set PHUKET_OPERATOR_NAME and PHUKET_OPERATOR_ROLE to act)');
  let windows: WindowManager | null = null;
  const supervisor = await superviseCore({
    startCore: () =>
      startConsoleCore({
        name: app.getName(),
        version: app.getVersion(),
        host: 'electron',
        platform,
        profile: decision.profile,
        profileMode: decision.mode,
        store: () => createStore({ dir, worker: { path: join(__dirname, 'storeWorker.cjs') } }),
        dataDir: dir,
        newId: () => uuidv7(),
      }),
    bind: (core) => bindIpc(core.handlers, core.events),
    onStarted: () => {
      // After a restart the new core's session learns each window's role, and each window learns the state again.
      windows?.reassign();
      for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send('host:ready', parseEvent('host:ready', { host: 'electron', at: Date.now() }));
    },
  });
  windows = createWindowManager(preload, () => supervisor.core().windows);
  windows.start();
  const stopDesktop = startDesktop({ dataDir: dir, crashDumps, storeStatus: () => supervisor.core().storeStatus() });
  app.once('will-quit', stopDesktop);
  // The restart path, by hand until the core has its own process: `kill -USR2 <pid>`.
  process.on('SIGUSR2', () => void supervisor.restart('SIGUSR2').catch((error: unknown) => recordFault('restarting the core', error)));
  return supervisor;
}

/** Quitting waits for the core to stop (outbox, feeds, store closed) and the log to be flushed. */
function stopOnQuit(core: CoreSupervisor, logFile: InstalledLog): void {
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
      desktopSettings();
      logFile = installFileLog(app.getPath('logs'), process.env);
      stopOnQuit(await start(preload, logFile), logFile);
    } catch (error) {
      await refuseToStart(error, logFile);
    }
  });
}
