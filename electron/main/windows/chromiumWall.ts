import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultProfile, migrateProfile } from '../../../shared/domain/profile';
import { planWindows } from '../../../shared/domain/profilePlan';
import type { WindowSpec } from '../../../shared/domain/profilePlan';
import { browserDisplays } from './browserDisplays';
import { fakeDisplays } from './displays';
import { createReloadGuard } from './reloadGuard';

/** `npm start -- --windows N` or `--profile FILE`: the windows to open, planned as Electron would plan them. */
export function planBrowserWall(count: number, profilePath: string | undefined, env: NodeJS.ProcessEnv): WindowSpec[] {
  if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error(`--windows must be a whole number from 1 to 16, not "${count}"`);
  const profile = profilePath === undefined ? null : migrateProfile(JSON.parse(readFileSync(profilePath, 'utf8')));
  const displays = browserDisplays(count, profile, fakeDisplays(env));
  return [...planWindows(displays, profile ?? defaultProfile()).windows];
}

export interface ChromiumWallOptions {
  readonly chromium: string;
  /** A fresh one-time ticket URL of the browser host for each window (and each reopening). */
  readonly ticketUrl: () => string;
  readonly windows: readonly WindowSpec[];
  /** When the operator has closed every window. */
  readonly onAllClosed: () => void;
  readonly say: (line: string) => void;
}

/**
 * The browser host's multi-window wall: one Chromium --app window per planned role, at its place, all connected to
 * the same host. A window whose browser is killed or crashes opens again with its role in place (more than three
 * times in a minute and it stays closed, with a message); one the operator closes stays closed.
 */
export function openChromiumWall(options: ChromiumWallOptions): { close(): void } {
  let open = 0;
  let closing = false;
  const children = new Set<ReturnType<typeof spawn>>();

  function launch(spec: WindowSpec, guard = createReloadGuard()): void {
    // Each window its own profile folder: a second --app in one profile is handed to the first process, which exits at once.
    const profile = mkdtempSync(join(tmpdir(), `phuket-${spec.role}-`));
    const { x, y, width, height } = spec.bounds;
    const child = spawn(
      options.chromium,
      [`--app=${options.ticketUrl()}#role=${spec.role}`, `--user-data-dir=${profile}`, `--window-position=${x},${y}`, `--window-size=${width},${height}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      { stdio: 'ignore' },
    );
    children.add(child);
    open += 1;
    child.on('error', (error) => options.say(`Chromium could not open the ${spec.role} window (${error.message}); open the printed URL with &role=${spec.role} added.`));
    child.on('exit', (code, signal) => {
      children.delete(child);
      open -= 1;
      if (closing) return;
      if (code === 0 && signal === null) {
        if (open === 0) options.onAllClosed();
        return;
      }
      if (guard.record(Date.now()) === 'safe-view') {
        // The console keeps serving (a machine without a display, say): the printed URL still opens it.
        options.say(`The ${spec.role} window keeps failing (exit ${code ?? signal}); it stays closed. Open the printed URL with &role=${spec.role} added.`);
        return;
      }
      options.say(`The ${spec.role} window went away (exit ${code ?? signal}); opening it again in place.`);
      launch(spec, guard);
    });
  }

  for (const spec of options.windows) launch(spec);
  return {
    close() {
      closing = true;
      for (const child of children) child.kill('SIGTERM');
    },
  };
}
