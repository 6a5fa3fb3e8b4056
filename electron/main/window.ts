import type { BrowserWindow } from 'electron';
import { parseEvent } from '../../shared/contract';
import { APP_ORIGIN, createSecureWindow } from './security';

/** A console window: dark from the first paint, and told when the host is ready for it. */
export function createConsoleWindow(preload: string): BrowserWindow {
  const window = createSecureWindow(preload, {
    width: 1600,
    height: 1000,
    backgroundColor: '#0b1118',
    title: 'Phuket Command Console',
    show: false,
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-finish-load', () =>
    window.webContents.send('host:ready', parseEvent('host:ready', { host: 'electron', at: Date.now() })),
  );
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
