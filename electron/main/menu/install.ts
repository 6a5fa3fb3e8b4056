import { BrowserWindow, Menu, shell } from 'electron';
import { parseEvent } from '../../../shared/contract';
import type { AppCommand } from '../../../shared/contract/about';
import { log } from '../../core/log/logger';
import { menuTemplate } from './template';
import type { MenuLanguage } from './template';

export interface MenuHost {
  /** The log folder (app.getPath('logs')). */
  readonly logDir: string;
  /** Writes the diagnostics zip and says where (electron/core/diagnostics). */
  readonly exportDiagnostics: () => Promise<string>;
  /** Asks where, then writes the audit chain as JSON Lines; null when the operator cancelled. */
  readonly exportAudit: () => Promise<string | null>;
}

/** Sends a command to the focused window (else the first), which carries it out as its menu button would. */
function toWindow(command: AppCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window || window.isDestroyed()) return;
  window.webContents.send('app:command', parseEvent('app:command', { command }));
}

/** Sets the application menu; call again with the other language when the operator switches. */
export function installMenu(host: MenuHost, language: MenuLanguage = 'en'): void {
  const template = menuTemplate(language, {
    command: toWindow,
    exportAudit: () =>
      void host
        .exportAudit()
        .then((path) => path && shell.showItemInFolder(path))
        .catch((error: unknown) => log().error('exporting the audit log failed', { error: error instanceof Error ? error.message : String(error) })),
    openLogFolder: () => void shell.openPath(host.logDir).then((error) => error && log().warn('cannot open the log folder', { dir: host.logDir, error })),
    exportDiagnostics: () =>
      void host
        .exportDiagnostics()
        .then((path) => shell.showItemInFolder(path))
        .catch((error: unknown) => log().error('exporting diagnostics failed', { error: error instanceof Error ? error.message : String(error) })),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
