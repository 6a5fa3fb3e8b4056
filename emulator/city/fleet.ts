import type { Agency } from '../../shared/domain';
import type { Poi } from './basemap';
import type { Unit } from './model';
import { vehicleId } from './model';
import { PIERS } from './places';
import { nearestNode } from './roadGraph';
import type { RoadGraph } from './roadGraph';

interface StationSite {
  readonly name: string;
  readonly location: readonly [number, number];
}

const CALLSIGN_CODE: Record<Agency, string> = {
  police: 'POL',
  'tourist-police': 'TPO',
  ems: 'EMS',
  fire: 'FIR',
  rescue: 'RES',
  'marine-rescue': 'MAR',
};

/** How many units each agency fields; 51 in all. */
const FLEET_SIZE: Record<Agency, number> = { police: 14, 'tourist-police': 5, ems: 12, fire: 10, rescue: 6, 'marine-rescue': 4 };

const site = (p: Poi): StationSite => ({ name: p.name, location: [p.location[0], p.location[1]] });

/** Real stations from the basemap: only proper stations, not the traffic-police boxes. */
export function stationsFor(agency: Agency, pois: readonly Poi[]): StationSite[] {
  const sorted = [...pois].sort((a, b) => a.id.localeCompare(b.id));
  const named = (amenity: string, pattern: RegExp): StationSite[] =>
    sorted.filter((p) => p.amenity === amenity && pattern.test(p.name)).map(site);
  switch (agency) {
    case 'police':
      return named('police', /station|department|provincial|สถานี/i).filter((s) => !/tourist/i.test(s.name));
    case 'tourist-police':
      return [...named('police', /tourist/i), ...named('police', /^Police Station Patong$/)];
    case 'ems':
      return named('hospital', /hospital|โรงพยาบาล/i);
    case 'fire':
    case 'rescue':
      return named('fire_station', /./);
    case 'marine-rescue':
      return PIERS.map((p) => ({ name: p.name, location: [p.at[0], p.at[1]] }));
  }
}

/** Every unit parked and available at its station; the city decides who is busy. */
export function createFleet(pois: readonly Poi[], graph: RoadGraph, nowMs: number): Unit[] {
  const units: Unit[] = [];
  for (const agency of Object.keys(FLEET_SIZE).filter(isAgency)) {
    const stations = stationsFor(agency, pois);
    if (stations.length === 0) throw new Error(`no stations for ${agency}`);
    for (let i = 0; i < FLEET_SIZE[agency]; i++) {
      const st = stations[i % stations.length];
      if (st === undefined) continue;
      const callsign = `PKT-${CALLSIGN_CODE[agency]}-${String(i + 1).padStart(2, '0')}`;
      const node = nearestNode(graph, st.location);
      // Road units wait on the road network so a dispatch starts on it; boats wait at the pier itself.
      const at = agency === 'marine-rescue' ? st.location : (graph.nodes[node] ?? st.location);
      units.push({
        id: vehicleId(callsign),
        callsign,
        agency,
        status: 'available',
        station: { name: st.name, location: [at[0], at[1]], node },
        location: [at[0], at[1]],
        heading: -1,
        speedKmh: 0,
        incidentId: null,
        legs: [],
        legIndex: 0,
        legOffsetM: 0,
        observedMs: nowMs,
      });
    }
  }
  return units;
}

function isAgency(key: string): key is Agency {
  return key in FLEET_SIZE;
}
