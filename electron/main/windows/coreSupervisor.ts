import type { ConsoleCore } from '../../core/consoleCore';
import { log } from '../../core/log/logger';
import { recordFault } from '../../core/processGuards';

export interface CoreSupervisor {
  core(): ConsoleCore;
  /** Stops the core and starts a new one; the windows are told host:ready again and re-learn their state. */
  restart(reason: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SupervisorDeps {
  readonly startCore: () => Promise<ConsoleCore>;
  /** Binds a core to the windows (IPC handlers and events); returns the unbinding. */
  readonly bind: (core: ConsoleCore) => () => void;
  /** Told after every (re)start, to re-assign the windows' roles and send host:ready. */
  readonly onStarted: (core: ConsoleCore) => void;
}

/**
 * Owns the core's life. The core still runs inside Electron's main process (moving it to a utilityProcess with
 * a MessagePort per window is the next step); this is the restart path such a process's exit would call: stop the
 * old core, start a new one on the same data folder, rebind IPC, and let every window reconnect to it.
 */
export async function superviseCore(deps: SupervisorDeps): Promise<CoreSupervisor> {
  let current = await deps.startCore();
  let unbind = deps.bind(current);
  deps.onStarted(current);
  let restarting: Promise<void> | null = null;
  return {
    core: () => current,
    restart(reason) {
      restarting ??= (async () => {
        log().warn('restarting the core', { reason });
        unbind();
        await current.stop().catch((error: unknown) => recordFault('stopping the core for a restart', error));
        current = await deps.startCore();
        unbind = deps.bind(current);
        deps.onStarted(current);
        log().info('core restarted', { reason });
      })().finally(() => (restarting = null));
      return restarting;
    },
    async stop() {
      await restarting?.catch(() => undefined);
      unbind();
      await current.stop();
    },
  };
}
