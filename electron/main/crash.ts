import { app, crashReporter } from 'electron';

/**
 * Crash dumps (minidumps of the main, renderer and GPU processes) kept on this machine, never uploaded:
 * a control room has no internet, and a dump may hold what was on screen. The About window names the folder.
 * Call before `app.whenReady()` so a crash during start is caught too.
 */
export function startCrashReporter(): string {
  crashReporter.start({ uploadToServer: false, compress: true, ignoreSystemCrashHandler: true });
  return app.getPath('crashDumps');
}
