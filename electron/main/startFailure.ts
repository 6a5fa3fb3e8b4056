import { app, dialog } from 'electron';
import { ConfigError } from '../core/config';
import type { InstalledLog } from '../core/log/install';
import { log } from '../core/log/logger';
import { describeError } from '../core/processGuards';

/** What the operator is told when the console cannot start: the bad setting by name, or the failure. */
function startFailureText(error: unknown, logPath: string | null): string {
  const what = error instanceof ConfigError ? `A setting is wrong: ${error.message}` : `The console failed to start: ${describeError(error)}`;
  return logPath ? `${what}\n\nThe log is at ${logPath}.` : what;
}

/** A start that failed shows a dialog naming why and quits with a failure code, rather than leaving no window and no word. */
export async function refuseToStart(error: unknown, logFile: InstalledLog | null): Promise<void> {
  log().error('console could not start', { error: describeError(error) });
  dialog.showErrorBox('Phuket Command Console cannot start', startFailureText(error, logFile?.path ?? null));
  await logFile?.close().catch(() => undefined);
  app.exit(1);
}
