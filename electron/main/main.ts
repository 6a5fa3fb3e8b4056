import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { platformFromEnvironment } from '../core/config';
import { startConsoleCore } from '../core/consoleCore';
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

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
    const core = startConsoleCore({ name: app.getName(), version: app.getVersion(), host: 'electron', platform: platformFromEnvironment(process.env) });
    bindIpc(core.handlers, core.events);
    app.on('before-quit', () => void core.stop());
    createConsoleWindow(preload);
  });
}
