/**
 * Synthetic load for benchmarks and soak runs: `units` extra Vehicles parked on the road network, of which
 * `perSecond` move a few metres each second, round robin. Each move is stamped with the wall clock at the moment
 * it is published (its `observedAt`), so a console can measure feed-to-pixel latency from it. The units are
 * out of service, so the city never dispatches them; setting `units` to 0 removes them again.
 */
import { z } from 'zod';
import type { City } from '../city/city';
import type { Unit } from '../city/model';
import { vehicleId } from '../city/model';
import type { Agency } from '../../shared/domain';

export const LoadPlan = z.object({
  units: z.number().int().min(0).max(5_000),
  perSecond: z.number().min(0).max(50_000),
});
export type LoadPlan = z.infer<typeof LoadPlan>;

export interface LoadGenerator {
  set(plan: LoadPlan): void;
  readonly plan: LoadPlan;
  /** Moves published since the start. */
  readonly published: number;
  stop(): void;
}

export interface LoadOptions {
  /** Collects the city's changes and notifies subscribers now. */
  readonly push: () => void;
  readonly warn: (message: string) => void;
  readonly tickMs?: number;
  readonly now?: () => number;
}

const AGENCIES: readonly Agency[] = ['police', 'ems', 'fire', 'rescue', 'tourist-police'];
/** About 50 m: enough to move an icon, never off the island. */
const JITTER_DEG = 0.0005;

export const loadCallsign = (i: number): string => `LOAD-${String(i + 1).padStart(4, '0')}`;

function loadUnit(city: City, i: number, at: number): Unit {
  const nodes = city.graph.nodes;
  const node = Math.floor((i * 7919) % Math.max(1, nodes.length));
  const home = nodes[node] ?? [98.34, 7.93];
  const callsign = loadCallsign(i);
  return {
    id: vehicleId(callsign),
    callsign,
    agency: AGENCIES[i % AGENCIES.length] ?? 'police',
    status: 'out-of-service',
    station: { name: 'Load test', location: [home[0], home[1]], node },
    location: [home[0], home[1]],
    heading: 0,
    speedKmh: 20,
    incidentId: null,
    legs: [],
    legIndex: 0,
    legOffsetM: 0,
    observedMs: at,
  };
}

export function createLoadGenerator(city: City, options: LoadOptions): LoadGenerator {
  const tickMs = options.tickMs ?? 100;
  const now = options.now ?? Date.now;
  let plan: LoadPlan = { units: 0, perSecond: 0 };
  let ids: string[] = [];
  let next = 0;
  let owed = 0;
  let lastTick = now();
  let published = 0;
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

  const resize = (count: number): void => {
    const at = now();
    for (let i = ids.length; i < count; i++) {
      const unit = loadUnit(city, i, at);
      city.units.set(unit.id, unit);
      city.markChanged(unit.id);
      ids.push(unit.id);
    }
    for (const id of ids.slice(count)) {
      city.units.delete(id);
      city.markChanged(id);
    }
    ids = ids.slice(0, count);
    next = 0;
  };

  const move = (count: number): void => {
    const at = now();
    for (let k = 0; k < count; k++) {
      const id = ids[next];
      next = (next + 1) % ids.length;
      const unit = id === undefined ? undefined : city.units.get(id);
      if (unit === undefined) continue;
      const [lon, lat] = unit.station.location;
      unit.location = [lon + (random() - 0.5) * JITTER_DEG, lat + (random() - 0.5) * JITTER_DEG];
      unit.heading = Math.floor(random() * 360);
      unit.observedMs = at;
      city.markChanged(unit.id);
      published++;
    }
  };

  const tick = (): void => {
    try {
      const at = now();
      // By the time that passed, not the timer's period: a late timer catches up, up to one second's worth.
      const elapsed = Math.min(1_000, Math.max(0, at - lastTick));
      lastTick = at;
      if (ids.length === 0 || plan.perSecond === 0) return;
      owed += (plan.perSecond * elapsed) / 1000;
      const due = Math.floor(owed);
      owed -= due;
      if (due === 0) return;
      move(due);
      options.push();
    } catch (error) {
      options.warn(`load generator: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  let timer: ReturnType<typeof setInterval> | null = null;

  return {
    set(wanted) {
      plan = LoadPlan.parse(wanted);
      owed = 0;
      lastTick = now();
      if (plan.units !== ids.length) {
        resize(plan.units);
        options.push();
      }
      if (plan.perSecond > 0 && timer === null) timer = setInterval(tick, tickMs);
      if (plan.perSecond === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    },
    get plan() {
      return plan;
    },
    get published() {
      return published;
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
