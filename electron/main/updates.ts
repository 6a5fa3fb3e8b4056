import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import { log } from '../core/log/logger';
import { recordFault } from '../core/processGuards';
import type { UpdateSettings } from '../core/settings/schema';
import { fetchUpdateFeed } from '../core/updateFeed';

/**
 * Updates from an on-premises server (electron-updater's generic provider), off unless the config turns them on.
 * The feed is checked first (electron/core/updateFeed.ts); electron-updater then verifies the download's SHA-512
 * against it and, on Windows, the installer's Authenticode publisher. An update is installed when the console
 * is next quit, never in the middle of a shift. Returns a stop function.
 */
export function startUpdates(settings: UpdateSettings): () => void {
  if (!settings.enabled || settings.url === undefined) {
    log().info('updates are off (config: updates.enabled, updates.url)');
    return () => undefined;
  }
  if (!app.isPackaged) {
    log().info('updates are on in the config, but this is not a packaged build: not checking');
    return () => undefined;
  }
  const url = settings.url;
  autoUpdater.setFeedURL({ provider: 'generic', url });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = { info: (m) => log().info(`updater: ${String(m)}`), warn: (m) => log().warn(`updater: ${String(m)}`), error: (m) => log().error(`updater: ${String(m)}`), debug: (m) => log().debug(`updater: ${String(m)}`) };
  autoUpdater.on('error', (error) => log().warn('update failed', { error: error.message }));
  autoUpdater.on('update-downloaded', (info) => log().info('update downloaded; it is installed when the console quits', { version: info.version }));

  const check = async (): Promise<void> => {
    const feed = await fetchUpdateFeed(url, process.platform);
    if (!feed.ok) return log().warn('update feed refused', { url, reason: feed.reason });
    if (feed.feed.version === app.getVersion()) return;
    await autoUpdater.checkForUpdates();
  };
  const run = () => void check().catch((error: unknown) => recordFault('checking for updates', error));
  run();
  const timer = setInterval(run, settings.checkEveryHours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
