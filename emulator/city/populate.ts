import type { IncidentStatus } from '../../shared/domain';
import type { City } from './city';
import { chooseUnits, placeOnScene, sendUnit } from './dispatch';
import { drawIncident } from './incidentDraw';
import { setStatus } from './lifecycle';
import { addIncident } from './spawn';

const STARTING_STATUS: [IncidentStatus, number][] = [
  ['new', 4],
  ['acknowledged', 2],
  ['dispatched', 3],
  ['on-scene', 3],
  ['resolved', 1],
];

/** The city never opens empty: a shift already under way, with open incidents and busy crews. */
export function populate(city: City): void {
  const count = city.rng.int(9, 14);
  for (let i = 0; i < count; i++) {
    // The first few always wait for the operator, so there is work on screen from the first second.
    const status = i < 3 ? 'new' : city.rng.weighted(STARTING_STATUS);
    const auto = status !== 'new' || (i >= 3 && city.rng.chance(0.25));
    const issuedMs = city.nowMs - city.rng.between(2, 50) * 60_000;
    const incident = addIncident(city, drawIncident(city.rng, city.hour, city.graph), auto, issuedMs);
    if (status === 'new') continue;
    setStatus(city, incident, 'acknowledged');
    if (status === 'acknowledged') continue;
    const units = chooseUnits(city, incident);
    if (units.length === 0) continue;
    if (status === 'dispatched') {
      for (const u of units) sendUnit(city, u, incident);
      setStatus(city, incident, 'dispatched');
      continue;
    }
    for (const u of units) placeOnScene(city, u, incident);
    setStatus(city, incident, 'dispatched');
    setStatus(city, incident, 'on-scene');
    if (status === 'resolved') setStatus(city, incident, 'resolved');
  }
  const available = [...city.units.values()].filter((u) => u.status === 'available');
  for (let i = 0; i < 2; i++) {
    const [unit] = available.splice(city.rng.int(0, available.length - 1), 1);
    if (unit !== undefined) unit.status = 'out-of-service';
  }
}
