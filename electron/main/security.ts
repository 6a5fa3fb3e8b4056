import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { log } from '../core/log/logger';

/** The console's own origin under Electron: a custom standard scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://console`;

type WindowLook = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * The only way a console window is made. The webPreferences are written out literally, not built,
 * so a reviewer and Electronegativity's static checks both see every setting where it is used.
 */
export function createSecureWindow(preload: string, look: WindowLook): BrowserWindow {
  const window = new BrowserWindow({
    ...look,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents);
  return window;
}

/** True only for the console's own pages; IPC from anything else is refused. */
export function isTrustedUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'console';
  } catch {
    return false;
  }
}

/**
 * Every permission (camera, geolocation, devices, …) is denied, but one: desktop notifications for the
 * console's own pages, so an unacknowledged incident that escalates can reach an operator looking at
 * another screen. Any other origin asking for notifications is refused too.
 */
export function allowOnlyConsoleNotifications(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permission === 'notifications' && isTrustedUrl(details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'notifications' && requestingOrigin === APP_ORIGIN);
  session.setDevicePermissionHandler(() => false);
}

/** No navigation away, no new windows, no webviews; a crashed renderer is reloaded rather than left blank on a wall screen. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('render-process-gone', (_event, details) => {
    log().error('renderer gone; reloading', { reason: details.reason, exitCode: details.exitCode });
    if (!contents.isDestroyed()) contents.reload();
  });
}
