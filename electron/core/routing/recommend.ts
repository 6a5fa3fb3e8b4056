import { agenciesFor } from '../../../shared/domain';
import type { Agency, Incident, Unit } from '../../../shared/domain';
import type { Speeds } from './eta';
import { routeBetween } from './eta';
import type { RoadGraph } from './roadGraph';

/** Boats do not use roads: straight across the water at this speed. */
const BOAT_KMH = 35;

export interface Recommendation {
  readonly unitId: string;
  readonly callsign: string;
  readonly agency: Agency;
  readonly etaSeconds: number;
  readonly distanceMeters: number;
  readonly via: readonly string[];
  readonly mode: 'road' | 'sea';
  readonly roadKmh: number;
}

function boat(road: RoadGraph, unit: Unit, incident: Incident): Recommendation {
  const metres = road.ruler.distance(unit.position, incident.position);
  return { unitId: unit.id, callsign: unit.callsign, agency: unit.agency, etaSeconds: metres / (BOAT_KMH / 3.6), distanceMeters: metres, via: [], mode: 'sea', roadKmh: BOAT_KMH };
}

/**
 * Available units of the agencies that answer this incident, fastest first by estimated time of arrival
 * over the road graph at live traffic speeds. Ties go to the agency listed first for the incident type.
 */
export function recommendUnits(road: RoadGraph, speeds: Speeds, incident: Incident, units: Iterable<Unit>, limit = 8): Recommendation[] {
  const agencies = agenciesFor[incident.type];
  const ranked: Recommendation[] = [];
  for (const unit of units) {
    if (unit.status !== 'available' || !agencies.includes(unit.agency)) continue;
    if (unit.agency === 'marine-rescue') {
      ranked.push(boat(road, unit, incident));
      continue;
    }
    const route = routeBetween(road, speeds, unit.position, incident.position);
    if (!route) continue;
    ranked.push({ unitId: unit.id, callsign: unit.callsign, agency: unit.agency, etaSeconds: route.seconds, distanceMeters: route.metres, via: route.via, mode: 'road', roadKmh: route.roadKmh });
  }
  return ranked.sort((a, b) => a.etaSeconds - b.etaSeconds || agencies.indexOf(a.agency) - agencies.indexOf(b.agency)).slice(0, limit);
}
