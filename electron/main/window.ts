import type { BrowserWindow, Rectangle } from 'electron';
import { parseEvent } from '../../shared/contract';
import type { WindowRole } from '../../shared/domain/profile';
import { APP_ORIGIN, createSecureWindow } from './security';

export interface ConsoleWindowOptions {
  readonly role: WindowRole;
  readonly bounds?: Rectangle;
  readonly title?: string;
}

/** The console page for a role: the role rides in the fragment too, though the core's assignment is what the window believes. */
export const consoleUrl = (role: WindowRole): string => `${APP_ORIGIN}/index.html#role=${role}`;

/** A console window: dark from the first paint, and told when the host is ready for it. */
export function createConsoleWindow(preload: string, options: ConsoleWindowOptions = { role: 'all' }): BrowserWindow {
  const window = createSecureWindow(preload, {
    ...(options.bounds ?? { width: 1600, height: 1000 }),
    backgroundColor: '#0b1118',
    title: options.title ?? 'Phuket Command Console',
    show: false,
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-finish-load', () => {
    if (!window.isDestroyed()) window.webContents.send('host:ready', parseEvent('host:ready', { host: 'electron', at: Date.now() }));
  });
  void window.loadURL(consoleUrl(options.role));
  return window;
}
