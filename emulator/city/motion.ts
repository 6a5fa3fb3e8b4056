import { bearingDeg, haversineM, lerp } from './geo';
import type { LonLat } from './geo';
import type { Leg, Unit } from './model';
import { edgeCoordinates, nearestNode } from './roadGraph';
import type { RoadGraph } from './roadGraph';
import { shortestPath } from './router';
import type { SegmentCost } from './router';

const OFF_ROAD_KMH = 20;
export const BOAT_KMH = 35;

const leg = (from: LonLat, to: LonLat, segment: number | null): Leg => ({
  from: [from[0], from[1]],
  to: [to[0], to[1]],
  lengthM: haversineM(from, to),
  segment,
});

/**
 * Legs from `from` to `to`: a short off-road hop onto the network, the fastest route by current traffic,
 * and a hop off it to the scene. Boats go straight across the water.
 */
export function planLegs(graph: RoadGraph, from: LonLat, to: LonLat, cost: SegmentCost, byBoat: boolean): Leg[] {
  if (byBoat) return [leg(from, to, null)];
  const a = nearestNode(graph, from);
  const b = nearestNode(graph, to);
  const route = shortestPath(graph, a, b, cost);
  const legs: Leg[] = [];
  const hop = (p: LonLat, q: LonLat | undefined): void => {
    if (q !== undefined && haversineM(p, q) > 1) legs.push(leg(p, q, null));
  };
  hop(from, graph.nodes[a]);
  for (const e of route?.edges ?? []) {
    const coords = edgeCoordinates(graph, e);
    const segment = graph.edges[e]?.segment ?? null;
    for (let i = 1; i < coords.length; i++) {
      const p = coords[i - 1];
      const q = coords[i];
      if (p !== undefined && q !== undefined && haversineM(p, q) > 0) legs.push(leg(p, q, segment));
    }
  }
  const end = graph.nodes[b];
  if (end !== undefined) hop(end, to);
  return legs;
}

/** km/h a unit drives on a leg; emergency vehicles beat the traffic a little but not much. */
export type LegSpeed = (leg: Leg) => number;

export function legSpeed(segmentKmh: (segment: number) => number, byBoat: boolean): LegSpeed {
  return (l) => {
    if (byBoat) return BOAT_KMH;
    if (l.segment === null) return OFF_ROAD_KMH;
    return Math.max(15, segmentKmh(l.segment) * 1.2);
  };
}

/** Moves the unit along its legs for dtSec; returns true when it has reached the end. */
export function advance(unit: Unit, dtSec: number, speed: LegSpeed): boolean {
  let timeLeft = dtSec;
  let current: Leg | undefined = unit.legs[unit.legIndex];
  while (current !== undefined && timeLeft > 0) {
    const mps = speed(current) / 3.6;
    const remaining = current.lengthM - unit.legOffsetM;
    const need = remaining / mps;
    unit.heading = Math.round(bearingDeg(current.from, current.to));
    unit.speedKmh = Math.round(mps * 3.6);
    if (need <= timeLeft) {
      timeLeft -= need;
      unit.legIndex++;
      unit.legOffsetM = 0;
      unit.location = [current.to[0], current.to[1]];
      current = unit.legs[unit.legIndex];
    } else {
      unit.legOffsetM += mps * timeLeft;
      timeLeft = 0;
      unit.location = lerp(current.from, current.to, current.lengthM === 0 ? 1 : unit.legOffsetM / current.lengthM);
    }
  }
  if (current !== undefined) return false;
  unit.legs = [];
  unit.legIndex = 0;
  unit.legOffsetM = 0;
  unit.speedKmh = 0;
  unit.heading = -1;
  return true;
}
