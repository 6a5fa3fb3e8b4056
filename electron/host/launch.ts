import { join } from 'node:path';
import type { PlatformConfig } from '../core/config';
import { startConsoleCore } from '../core/consoleCore';
import type { ConsoleCore } from '../core/consoleCore';
import { readPackageInfo } from '../core/package-info';
import { profileFromEnvironment } from '../core/profile';
import { createStore } from '../core/store/store';
import { uuidv7 } from '../core/store/uuidv7';
import { startBrowserHost } from './server';
import type { BrowserHost } from './server';

export interface LaunchOptions {
  /** The project root: holds package.json and dist/renderer. */
  readonly root: string;
  readonly platform: PlatformConfig | null;
  /** Where the cache, outbox and audit live; default $PHUKET_CONSOLE_DATA or <root>/.console-data. */
  readonly dataDir?: string;
  readonly port?: number;
}

export interface LaunchedHost {
  readonly host: BrowserHost;
  readonly core: ConsoleCore;
  close(): Promise<void>;
}

/** Wires the core to the browser host: what `npm start` runs where Electron cannot. */
export async function launchBrowserHost(options: LaunchOptions): Promise<LaunchedHost> {
  const pkg = readPackageInfo(join(options.root, 'package.json'));
  const dir = options.dataDir ?? process.env['PHUKET_CONSOLE_DATA'] ?? join(options.root, '.console-data');
  const core = await startConsoleCore({
    name: pkg.name,
    version: pkg.version,
    host: 'browser',
    platform: options.platform,
    profile: profileFromEnvironment(process.env),
    store: () => createStore({ dir }),
    newId: () => uuidv7(),
  });
  const host = await startBrowserHost({
    rendererDir: join(options.root, 'dist', 'renderer'),
    handlers: core.handlers,
    events: core.events,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    host,
    core,
    async close() {
      await host.close();
      await core.stop();
    },
  };
}
