import { app, dialog } from 'electron';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { currentAbout, recordHost } from '../core/about';
import { exportDiagnostics } from '../core/diagnostics/export';
import { environmentWithSettings } from '../core/settings/environment';
import { loadSettings } from '../core/settings/load';
import type { EffectiveSettings } from '../core/settings/load';
import { currentSettingsView, setCurrentSettings } from '../core/settings/view';
import { readCheckpoint } from '../core/store/auditAnchor';
import { exportChain } from '../core/store/auditExport';
import { installMenu } from './menu/install';
import { startUpdates } from './updates';

let effective: EffectiveSettings | null = null;

/**
 * The config files and the environment, layered (electron/core/settings). Throws a SettingsError naming each
 * bad field and its file, which the start-failure dialog shows. The file values are handed to the readers of
 * PHUKET_* variables (profile, log level) through the environment.
 */
export function desktopSettings(): EffectiveSettings {
  if (effective) return effective;
  // A copy: the files' values are written into process.env below, and a re-read must not take them for the environment's.
  const options = { env: { ...process.env } };
  const loaded = loadSettings(options);
  setCurrentSettings(loaded, options);
  Object.assign(process.env, environmentWithSettings(loaded, process.env));
  effective = loaded;
  return loaded;
}

/** Asks where, then writes the audit chain (JSON Lines, checkpoint last) from a read-only connection. */
async function exportAudit(dataDir: string): Promise<string | null> {
  const choice = await dialog.showSaveDialog({ defaultPath: `audit-${new Date().toISOString().slice(0, 10)}.jsonl`, filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }] });
  if (choice.canceled || !choice.filePath) return null;
  const checkpoint = readCheckpoint(dataDir);
  const db = new Database(join(dataDir, 'journal.db'), { readonly: true, fileMustExist: true });
  try {
    exportChain(db, choice.filePath, checkpoint.kind === 'ok' ? checkpoint.checkpoint : null);
  } finally {
    db.close();
  }
  return choice.filePath;
}

export interface DesktopOptions {
  readonly dataDir: string;
  readonly crashDumps: string;
  readonly storeStatus: () => unknown;
}

/** The desktop around the console once it runs: the About facts, the application menu and the updater. Returns a stop. */
export function startDesktop(options: DesktopOptions): () => void {
  const settings = desktopSettings();
  const logDir = app.getPath('logs');
  recordHost({ name: app.getName(), version: app.getVersion(), host: 'electron', dataDir: options.dataDir, logDir, crashDumps: options.crashDumps, platform: settings.platform });
  installMenu({
    logDir,
    exportAudit: () => exportAudit(options.dataDir),
    exportDiagnostics: () =>
      exportDiagnostics({
        dataDir: options.dataDir,
        logDir,
        settings: currentSettingsView(),
        health: options.storeStatus(),
        about: currentAbout({ name: app.getName(), version: app.getVersion(), host: 'electron' }),
        now: new Date(),
      }),
  });
  return startUpdates(settings.settings.updates);
}
