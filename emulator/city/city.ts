import { distanceToLineM, haversineM } from './geo';
import type { Basemap } from './basemap';
import { basemap } from './basemap';
import { createFleet } from './fleet';
import { runLifecycle } from './lifecycle';
import { advance, legSpeed } from './motion';
import type { Incident, Unit } from './model';
import { isOpen, trafficId } from './model';
import { Random } from './random';
import { buildRoadGraph } from './roadGraph';
import type { RoadGraph } from './roadGraph';
import type { SegmentCost } from './router';
import { populate } from './populate';
import { spawnIncidents } from './spawn';
import { bangkokHour, sameReading, segmentProfile, trafficReading } from './traffic';
import type { SegmentProfile, TrafficReading } from './traffic';

/** How often (simulated) every segment's traffic is re-measured. */
export const TRAFFIC_INTERVAL_S = 10;
/** Long ticks are cut into steps this long so units, timers and traffic interleave sensibly. */
const MAX_STEP_S = 10;
const INCIDENT_RADIUS_M = 500;

export interface CityOptions {
  readonly seed: number;
  readonly startMs: number;
  readonly basemap?: Basemap;
}

/** Everything a restart needs to resume the same city; traffic is re-measured instead. */
export interface CitySnapshot {
  readonly nowMs: number;
  readonly rngState: number;
  readonly nextIncidentN: number;
  readonly incidents: readonly Incident[];
  readonly units: readonly Unit[];
}

let sharedGraph: { source: Basemap; graph: RoadGraph } | undefined;
function graphFor(map: Basemap): RoadGraph {
  if (sharedGraph?.source !== map) sharedGraph = { source: map, graph: buildRoadGraph(map.ways) };
  return sharedGraph.graph;
}

/** The simulated Phuket: advance it with `tick`, read its maps, collect what changed with `drainChanged`. */
export class City {
  readonly graph: RoadGraph;
  readonly profiles: readonly SegmentProfile[];
  readonly rng: Random;
  readonly incidents = new Map<string, Incident>();
  readonly units = new Map<string, Unit>();
  nowMs: number;
  nextIncidentN = 1;
  traffic: TrafficReading[] = [];
  trafficObservedMs: number;
  private noise: number[];
  private nextTrafficMs: number;
  private readonly changed = new Set<string>();
  /** Units that reached the end of their legs this step; the lifecycle consumes them. */
  readonly arrivals: Unit[] = [];

  constructor(options: CityOptions, snapshot?: CitySnapshot) {
    const map = options.basemap ?? basemap();
    this.graph = graphFor(map);
    this.profiles = this.graph.segments.map(segmentProfile);
    this.nowMs = snapshot?.nowMs ?? options.startMs;
    this.rng = new Random(snapshot?.rngState ?? options.seed);
    this.noise = this.graph.segments.map(() => this.rng.between(-1, 1));
    this.trafficObservedMs = this.nowMs;
    this.nextTrafficMs = this.nowMs;
    if (snapshot === undefined) {
      for (const u of createFleet(map.pois, this.graph, this.nowMs)) this.units.set(u.id, u);
    } else {
      this.nextIncidentN = snapshot.nextIncidentN;
      for (const u of snapshot.units) this.units.set(u.id, structuredClone(u));
      for (const i of snapshot.incidents) this.incidents.set(i.id, structuredClone(i));
    }
    this.measureTraffic();
    if (snapshot === undefined) populate(this);
    this.changed.clear();
  }

  get hour(): number {
    return bangkokHour(this.nowMs);
  }

  tick(dtSec: number): void {
    let left = dtSec;
    while (left > 0) {
      const dt = Math.min(MAX_STEP_S, left);
      left -= dt;
      this.step(dt);
    }
  }

  /** Ids of entities changed since the last call (Alert, Vehicle and TrafficFlowObserved ids). */
  drainChanged(): string[] {
    const ids = [...this.changed];
    this.changed.clear();
    return ids;
  }

  markChanged(id: string): void {
    this.changed.add(id);
  }

  segmentKmh(segment: number): number {
    return this.traffic[segment]?.averageVehicleSpeed ?? this.graph.segments[segment]?.freeFlowKmh ?? 40;
  }

  /** Routing cost at current speeds; emergency vehicles beat the traffic by the same factor everywhere. */
  readonly cost: SegmentCost = (s) => s.lengthM / (Math.max(15, this.segmentKmh(s.index) * 1.2) / 3.6);

  snapshot(): CitySnapshot {
    return {
      nowMs: this.nowMs,
      rngState: this.rng.state,
      nextIncidentN: this.nextIncidentN,
      incidents: [...this.incidents.values()].map((i) => structuredClone(i)),
      units: [...this.units.values()].map((u) => structuredClone(u)),
    };
  }

  private step(dt: number): void {
    this.nowMs += dt * 1000;
    spawnIncidents(this, dt);
    this.moveUnits(dt);
    runLifecycle(this);
    if (this.nowMs >= this.nextTrafficMs) this.measureTraffic();
  }

  private moveUnits(dt: number): void {
    for (const unit of this.units.values()) {
      if (unit.legs.length === 0) continue;
      const arrived = advance(unit, dt, legSpeed((s) => this.segmentKmh(s), unit.agency === 'marine-rescue'));
      unit.observedMs = this.nowMs;
      this.markChanged(unit.id);
      if (arrived) this.arrivals.push(unit);
    }
  }

  private measureTraffic(): void {
    const open = [...this.incidents.values()].filter(isOpen);
    const hour = this.hour;
    const next = this.graph.segments.map((seg, i) => {
      // Slow drift keeps noise realistic and stops every segment from changing every interval.
      const n = Math.max(-1, Math.min(1, 0.8 * (this.noise[i] ?? 0) + 0.4 * this.rng.between(-1, 1)));
      this.noise[i] = n;
      const start = seg.coordinates[0];
      const near = open.some(
        (inc) =>
          start !== undefined &&
          // Cheap reject first: no point of the segment is closer than its start minus its length.
          haversineM(inc.location, start) < INCIDENT_RADIUS_M + seg.lengthM &&
          distanceToLineM(inc.location, seg.coordinates) < INCIDENT_RADIUS_M,
      );
      const profile = this.profiles[i];
      return profile === undefined ? { averageVehicleSpeed: 0, intensity: 0, occupancy: 0, congested: false } : trafficReading(profile, hour, near, n);
    });
    next.forEach((reading, i) => {
      const prev = this.traffic[i];
      if (prev === undefined || !sameReading(prev, reading)) this.markChanged(trafficId(i));
    });
    this.traffic = next;
    this.trafficObservedMs = this.nowMs;
    this.nextTrafficMs = this.nowMs + TRAFFIC_INTERVAL_S * 1000;
  }
}
