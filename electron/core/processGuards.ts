import { log } from './log/logger';

/** What the core survived: how many failures it caught, and the latest. */
export interface FaultSummary {
  readonly faults: number;
  readonly lastFault: { reason: string; at: number } | null;
}

let count = 0;
let last: FaultSummary['lastFault'] = null;
const LOG_EVERY_MS = 10_000;
const lastLogged = new Map<string, { at: number; suppressed: number }>();

/** Never throws, whatever was thrown: a getter on `message`, a null-prototype object, a revoked proxy. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
    return String(error).slice(0, 300);
  } catch {
    return 'an error that cannot be described';
  }
}

/**
 * A failure the core caught and went on from: logged and counted (feed health reports the count).
 * Every guarded timer, listener and callback ends here rather than in an uncaught exception.
 */
export function recordFault(where: string, error: unknown, at = Date.now()): void {
  const reason = `${where}: ${describeError(error)}`.slice(0, 300);
  count += 1;
  last = { reason, at };
  // A listener that fails on every event must not flood the log: one line per place every LOG_EVERY_MS, with the count since.
  const logged = lastLogged.get(where);
  if (logged && at - logged.at < LOG_EVERY_MS) {
    logged.suppressed += 1;
    return;
  }
  if (lastLogged.size > 1000) lastLogged.clear();
  lastLogged.set(where, { at, suppressed: 0 });
  try {
    const stack = error instanceof Error ? error.stack?.slice(0, 1000) : undefined;
    log().error('core fault survived', { where, error: describeError(error), ...(logged?.suppressed ? { alikeSinceLastLine: logged.suppressed } : {}), ...(stack ? { stack } : {}) });
  } catch {
    // A broken logger must not turn a survived fault into a fatal one.
  }
}

export function faultSummary(): FaultSummary {
  return { faults: count, lastFault: last };
}

/** Runs `fn`, recording instead of throwing: for timer, event and socket callbacks. */
export function guarded<A extends unknown[]>(where: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      recordFault(where, error);
    }
  };
}

let installed: (() => void) | null = null;

/**
 * The process-level safety net: an exception or rejection that escaped every guard is logged and counted,
 * and the process keeps serving. Call once, first thing, in each host. Returns a function that removes it.
 */
export function installProcessGuards(proc: NodeJS.Process = process): () => void {
  if (installed) return installed;
  const onException = (error: unknown) => recordFault('uncaught exception', error);
  const onRejection = (reason: unknown) => recordFault('unhandled rejection', reason);
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  const uninstall = () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
    installed = null;
  };
  installed = uninstall;
  return uninstall;
}
