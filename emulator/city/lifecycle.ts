import type { IncidentStatus } from '../../shared/domain';
import type { City } from './city';
import { chooseUnits, sendHome, sendUnit } from './dispatch';
import type { Incident, Unit } from './model';

const MINUTE = 60_000;
/** Closed incidents leave the active set after this; resolved ones nobody closes, after the longer delay. */
const RETIRE_CLOSED_MS = 30 * MINUTE;
const RETIRE_RESOLVED_MS = 120 * MINUTE;

/** Moves an incident to `status` with the side effects the field would produce. */
export function setStatus(city: City, incident: Incident, status: IncidentStatus): void {
  incident.status = status;
  incident.statusSinceMs = city.nowMs;
  incident.modifiedMs = city.nowMs;
  city.markChanged(incident.id);
  if (status === 'on-scene') incident.workDoneMs ??= city.nowMs + city.rng.between(10, 40) * MINUTE;
  if (status === 'resolved') {
    incident.workDoneMs = null;
    for (const u of engagedUnits(city, incident)) sendHome(city, u);
    incident.nextAutoMs = incident.auto ? city.nowMs + city.rng.between(5, 20) * MINUTE : null;
  }
}

export function engagedUnits(city: City, incident: Incident): Unit[] {
  return [...city.units.values()].filter((u) => u.incidentId === incident.id);
}

function unitArrived(city: City, unit: Unit): void {
  if (unit.status === 'returning') {
    unit.status = 'available';
    return;
  }
  const incident = unit.incidentId === null ? undefined : city.incidents.get(unit.incidentId);
  if (unit.status !== 'dispatched' || incident === undefined) return;
  unit.status = 'on-scene';
  if (incident.status === 'dispatched') setStatus(city, incident, 'on-scene');
}

/** The stand-in consoles: acknowledge, then dispatch, then close once resolved. */
function autoAct(city: City, incident: Incident): void {
  if (incident.status === 'new') {
    setStatus(city, incident, 'acknowledged');
    incident.nextAutoMs = city.nowMs + city.rng.between(0.5, 2) * MINUTE;
  } else if (incident.status === 'acknowledged') {
    const units = chooseUnits(city, incident);
    if (units.length === 0) {
      incident.nextAutoMs = city.nowMs + MINUTE;
      return;
    }
    for (const u of units) sendUnit(city, u, incident);
    setStatus(city, incident, 'dispatched');
    incident.nextAutoMs = null;
  } else if (incident.status === 'resolved') {
    setStatus(city, incident, 'closed');
    incident.nextAutoMs = null;
  } else {
    incident.nextAutoMs = null;
  }
}

export function runLifecycle(city: City): void {
  for (const unit of city.arrivals.splice(0)) {
    unitArrived(city, unit);
    city.markChanged(unit.id);
  }
  for (const incident of [...city.incidents.values()]) {
    if (incident.auto && incident.nextAutoMs !== null && incident.nextAutoMs <= city.nowMs) autoAct(city, incident);
    if (incident.status === 'on-scene' && incident.workDoneMs !== null && incident.workDoneMs <= city.nowMs) {
      setStatus(city, incident, 'resolved');
    }
    const age = city.nowMs - incident.statusSinceMs;
    if ((incident.status === 'closed' && age >= RETIRE_CLOSED_MS) || (incident.status === 'resolved' && age >= RETIRE_RESOLVED_MS)) {
      city.incidents.delete(incident.id);
    }
  }
}
