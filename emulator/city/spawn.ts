import type { City } from './city';
import { drawIncident, incidentsPerHour } from './incidentDraw';
import type { IncidentDraft } from './incidentDraw';
import type { Incident } from './model';
import { alertId } from './model';

/** Share of new incidents the stand-in consoles take; the rest wait for the operator. */
const AUTO_SHARE = 0.5;

export const ALERT_SOURCE = 'urn:ngsi-ld:Organization:phuket:1669-command-centre';

export function addIncident(city: City, draft: IncidentDraft, auto: boolean, issuedMs = city.nowMs): Incident {
  // An operator may already have created an entity under one of our ids; never overwrite it.
  while (city.incidents.has(alertId(city.nextIncidentN))) city.nextIncidentN++;
  const incident: Incident = {
    id: alertId(city.nextIncidentN++),
    ...draft,
    status: 'new',
    alertSource: ALERT_SOURCE,
    issuedMs,
    modifiedMs: issuedMs,
    statusSinceMs: issuedMs,
    assignedUnits: [],
    notes: [],
    auto,
    nextAutoMs: auto ? city.nowMs + city.rng.between(0.5, 3) * 60_000 : null,
    workDoneMs: null,
  };
  city.incidents.set(incident.id, incident);
  city.markChanged(incident.id);
  return incident;
}

/** A Poisson process at the hour's rate. */
export function spawnIncidents(city: City, dtSec: number): void {
  const count = city.rng.poisson((incidentsPerHour(city.hour) * dtSec) / 3600);
  for (let i = 0; i < count; i++) addIncident(city, drawIncident(city.rng, city.hour, city.graph), city.rng.chance(AUTO_SHARE));
}
