import type { BrowserWindow } from 'electron';
import type { WindowRole } from '../../../shared/domain/profile';
import { log } from '../../core/log/logger';
import { createReloadGuard } from './reloadGuard';
import { safeViewUrl } from './safeView';

const attached = new WeakSet<BrowserWindow>();

/**
 * Heals a window whose page died or hung. The page is reloaded (security.ts reloads a crashed renderer; a hung one
 * is crashed on purpose so it takes the same path), and the reloaded page asks the core again for its role and the
 * current selection. More than three reloads in a minute open the minimal safe view instead. Attached once per window.
 */
export function attachHealing(window: BrowserWindow, role: () => WindowRole): void {
  if (attached.has(window)) return;
  attached.add(window);
  const guard = createReloadGuard();
  const heal = (reason: string) => {
    if (window.isDestroyed()) return;
    const action = guard.record(Date.now());
    log().warn('window healing', { role: role(), reason, action });
    if (action === 'safe-view') void window.webContents.loadURL(safeViewUrl(role(), reason)).catch((error: unknown) => log().error('safe view failed to load', { error: String(error) }));
  };
  window.webContents.on('render-process-gone', (_event, details) => heal(`renderer ${details.reason}`));
  window.on('unresponsive', () => {
    if (window.isDestroyed()) return;
    log().warn('window unresponsive: restarting its renderer', { role: role() });
    window.webContents.forcefullyCrashRenderer();
  });
}
