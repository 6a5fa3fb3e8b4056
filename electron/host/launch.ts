import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { recordHost } from '../core/about';
import type { PlatformConfig } from '../core/config';
import { startConsoleCore } from '../core/consoleCore';
import type { ConsoleCore } from '../core/consoleCore';
import { installFileLog } from '../core/log/install';
import { log } from '../core/log/logger';
import { readPackageInfo } from '../core/package-info';
import { installProcessGuards } from '../core/processGuards';
import { decideProfile } from '../core/profile';
import { createStore } from '../core/store/store';
import { uuidv7 } from '../core/store/uuidv7';
import { startBrowserHost } from './server';
import type { BrowserHost } from './server';

export interface LaunchOptions {
  /** The project root: holds package.json and dist/renderer. */
  readonly root: string;
  readonly platform: PlatformConfig | null;
  /**
   * True only when `platform` is the emulator this launch started itself: then, with no operator
   * profile configured, a demo supervisor acts. Otherwise such a console is a read-only viewer.
   */
  readonly builtInEmulator?: boolean;
  /** Where the cache, outbox and audit live; default $PHUKET_CONSOLE_DATA or <root>/.console-data. */
  readonly dataDir?: string;
  /** Where the rotating log goes; default `logs/` in the data folder. */
  readonly logDir?: string;
  readonly port?: number;
}

export interface LaunchedHost {
  readonly host: BrowserHost;
  readonly core: ConsoleCore;
  /** The log file being written, or null when only stderr could be. */
  readonly logPath: string | null;
  close(): Promise<void>;
}

/** Wires the core to the browser host: what `npm start` runs where Electron cannot. */
export async function launchBrowserHost(options: LaunchOptions): Promise<LaunchedHost> {
  installProcessGuards();
  const pkg = readPackageInfo(join(options.root, 'package.json'));
  const dir = options.dataDir ?? process.env['PHUKET_CONSOLE_DATA'] ?? join(options.root, '.console-data');
  const decision = decideProfile(process.env, { builtInEmulator: options.builtInEmulator ?? false, hostname: hostname() });
  const logFile = installFileLog(options.logDir ?? join(dir, 'logs'), process.env);
  recordHost({ name: pkg.name, version: pkg.version, host: 'browser', dataDir: dir, logDir: logFile.path === null ? null : dirname(logFile.path), crashDumps: null, platform: options.platform });
  log().info('console starting', { host: 'browser', version: pkg.version, profileMode: decision.mode, role: decision.profile.role, platform: options.platform?.baseUrl ?? null, data: dir });
  if (decision.mode === 'viewer') log().warn('no operator profile configured: read-only viewer (set PHUKET_OPERATOR_NAME and PHUKET_OPERATOR_ROLE to act)');
  let core: ConsoleCore | null = null;
  try {
    core = await startConsoleCore({
      name: pkg.name,
      version: pkg.version,
      host: 'browser',
      platform: options.platform,
      profile: decision.profile,
      profileMode: decision.mode,
      store: () => createStore({ dir }),
      dataDir: dir,
      newId: () => uuidv7(),
    });
    const host = await startBrowserHost({
      rendererDir: join(options.root, 'dist', 'renderer'),
      handlers: core.handlers,
      events: core.events,
      ...(options.port === undefined ? {} : { port: options.port }),
    });
    const started = core;
    return {
      host,
      core: started,
      logPath: logFile.path,
      async close() {
        await host.close().catch((error: unknown) => log().error('closing the browser host failed', { error }));
        await started.stop();
        log().info('console stopped');
        await logFile.close();
      },
    };
  } catch (error) {
    log().error('console failed to start', { error });
    await core?.stop();
    await logFile.close();
    throw error;
  }
}
