import { agenciesFor } from '../../shared/domain';
import type { City } from './city';
import { haversineM } from './geo';
import type { Incident, Unit } from './model';
import { planLegs } from './motion';

/** Sends a unit to an incident: it leaves now, over the road network at current traffic speeds. */
export function sendUnit(city: City, unit: Unit, incident: Incident): void {
  unit.status = 'dispatched';
  unit.incidentId = incident.id;
  unit.legs = planLegs(city.graph, unit.location, incident.location, city.cost, unit.agency === 'marine-rescue');
  unit.legIndex = 0;
  unit.legOffsetM = 0;
  unit.observedMs = city.nowMs;
  if (!incident.assignedUnits.includes(unit.id)) incident.assignedUnits.push(unit.id);
  city.markChanged(unit.id);
  city.markChanged(incident.id);
}

/** Releases a unit from its incident and drives it back to its station. */
export function sendHome(city: City, unit: Unit): void {
  unit.status = 'returning';
  unit.incidentId = null;
  unit.legs = planLegs(city.graph, unit.location, unit.station.location, city.cost, unit.agency === 'marine-rescue');
  unit.legIndex = 0;
  unit.legOffsetM = 0;
  unit.observedMs = city.nowMs;
  if (unit.legs.length === 0) unit.status = 'available';
  city.markChanged(unit.id);
}

/** Puts a unit on scene immediately; used when the city starts mid-operation. */
export function placeOnScene(city: City, unit: Unit, incident: Incident): void {
  sendUnit(city, unit, incident);
  unit.legs = [];
  unit.location = [incident.location[0], incident.location[1]];
  unit.status = 'on-scene';
}

/**
 * What the other consoles would send: the nearest available unit of the first preferred agency, plus one
 * of the second agency for serious incidents.
 */
export function chooseUnits(city: City, incident: Incident): Unit[] {
  const wanted = incident.severity === 'high' || incident.severity === 'critical' ? 2 : 1;
  const chosen: Unit[] = [];
  for (const agency of agenciesFor[incident.type]) {
    if (chosen.length >= wanted) break;
    let best: Unit | undefined;
    for (const u of city.units.values()) {
      if (u.agency !== agency || u.status !== 'available') continue;
      if (best === undefined || haversineM(u.location, incident.location) < haversineM(best.location, incident.location)) best = u;
    }
    if (best !== undefined) chosen.push(best);
  }
  return chosen;
}
