import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { platformFromEnvironment } from '../core/config';
import { startConsoleCore } from '../core/consoleCore';
import { profileFromEnvironment } from '../core/profile';
import { createStore } from '../core/store/store';
import { uuidv7 } from '../core/store/uuidv7';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createConsoleWindow } from './window';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const preload = join(__dirname, 'preload.cjs');
  app.on('second-instance', () => {
    const [first] = BrowserWindow.getAllWindows();
    if (first?.isMinimized()) first.restore();
    first?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
    const dir = process.env['PHUKET_CONSOLE_DATA'] ?? join(app.getPath('userData'), 'data');
    const core = await startConsoleCore({
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      platform: platformFromEnvironment(process.env),
      profile: profileFromEnvironment(process.env),
      store: () => createStore({ dir, worker: { path: join(__dirname, 'storeWorker.cjs') } }),
      newId: () => uuidv7(),
    });
    bindIpc(core.handlers, core.events);
    app.on('before-quit', () => void core.stop());
    createConsoleWindow(preload);
  });
}
