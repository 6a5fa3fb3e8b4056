import { City } from './city/city';
import { ActionLog } from './http/actionLog';
import { noFaults } from './http/faults';
import type { FaultState } from './http/faults';
import { startServer } from './http/server';
import { Corrupter } from './ngsi/malformed';
import { loadState, saveState, toSaved } from './state/persistence';
import { Notifier } from './ws/notifier';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  /** Simulated seconds per wall second, 1 to 60. */
  readonly speed?: number;
  /** Simulated start time; default now. Ignored when a state file is loaded (the saved clock resumes). */
  readonly startTime?: Date | string | number;
  /** Wall milliseconds between ticks. */
  readonly tickMs?: number;
  /** False leaves the clock still; drive it with `step` (tests). */
  readonly autoTick?: boolean;
  readonly statePath?: string;
  readonly saveEveryMs?: number;
  readonly faults?: Partial<FaultState>;
  readonly warn?: (message: string) => void;
}

export interface Emulator {
  readonly url: string;
  readonly city: City;
  readonly faults: FaultState;
  readonly actions: ActionLog;
  /** Advances the simulation by dtSimSeconds and pushes the resulting notifications. */
  step(dtSimSeconds: number): void;
  /** Writes the state file now (no-op without statePath). */
  save(): void;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 1669;

function checkOptions(speed: number, tickMs: number): void {
  if (!(speed >= 1 && speed <= 60)) throw new RangeError(`speed must be between 1 and 60, got ${speed}`);
  if (!(tickMs >= 50 && tickMs <= 5000)) throw new RangeError(`tickMs must be between 50 and 5000, got ${tickMs}`);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const speed = options.speed ?? 1;
  const tickMs = options.tickMs ?? 500;
  checkOptions(speed, tickMs);
  const seed = options.seed ?? DEFAULT_SEED;
  const warn = options.warn ?? ((m: string) => console.error(m));
  const saved = options.statePath === undefined ? null : loadState(options.statePath, warn);
  const startMs = options.startTime === undefined ? Date.now() : new Date(options.startTime).getTime();
  if (Number.isNaN(startMs)) throw new RangeError(`startTime is not a date: ${String(options.startTime)}`);

  const city = new City({ seed, startMs }, saved?.city);
  const actions = new ActionLog(saved?.actions ?? []);
  const faults: FaultState = { ...noFaults(), ...options.faults };
  const corrupter = new Corrupter();
  const notifier = new Notifier(city, faults, corrupter);
  const describe = (): Record<string, unknown> => ({
    seed,
    speed,
    simTime: new Date(Math.round(city.nowMs)).toISOString(),
    segments: city.graph.segments.length,
    units: city.units.size,
    incidents: city.incidents.size,
    subscribers: notifier.size,
    actions: actions.entries.length,
    faults: { ...faults },
  });
  const server = await startServer({ city, actions, faults, corrupter, notifier, describe, changed: () => notifier.flush() }, options.host ?? '127.0.0.1', options.port ?? 0);

  const step = (dt: number): void => {
    city.tick(dt);
    notifier.flush();
  };
  const save = (): void => {
    if (options.statePath !== undefined) saveState(options.statePath, toSaved(city.snapshot(), actions.entries));
  };
  const timers: NodeJS.Timeout[] = [];
  if (options.autoTick !== false) timers.push(setInterval(() => step((tickMs / 1000) * speed), tickMs));
  if (options.statePath !== undefined) timers.push(setInterval(save, options.saveEveryMs ?? 10_000));

  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    city,
    faults,
    actions,
    step,
    save,
    close: () => {
      closing ??= (async () => {
        for (const t of timers) clearInterval(t);
        save();
        await server.close();
      })();
      return closing;
    },
  };
}
