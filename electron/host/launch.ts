import { join } from 'node:path';
import { createEventHub } from '../core/events';
import type { EventHub } from '../core/events';
import { createHandlers } from '../core/handlers';
import { readPackageInfo } from '../core/package-info';
import { startBrowserHost } from './server';
import type { BrowserHost } from './server';

export interface LaunchOptions {
  /** The project root: holds package.json and dist/renderer. */
  readonly root: string;
  readonly port?: number;
}

export interface LaunchedHost {
  readonly host: BrowserHost;
  readonly events: EventHub;
}

/** Wires the core to the browser host: what `npm start` runs where Electron cannot. */
export async function launchBrowserHost(options: LaunchOptions): Promise<LaunchedHost> {
  const pkg = readPackageInfo(join(options.root, 'package.json'));
  const events = createEventHub();
  const handlers = createHandlers({ name: pkg.name, version: pkg.version, host: 'browser', startedAt: Date.now() });
  const host = await startBrowserHost({
    rendererDir: join(options.root, 'dist', 'renderer'),
    handlers,
    events,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return { host, events };
}
