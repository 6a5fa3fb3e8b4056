import { incidentTypeToAlert } from '../../shared/domain';
import type { Agency, UnitStatus } from '../../shared/domain';
import type { City } from '../city/city';
import { noteDatasetId } from '../city/commands';
import type { Incident, Unit } from '../city/model';
import { trafficId } from '../city/model';
import type { RoadSegment } from '../city/roadGraph';
import type { TrafficReading } from '../city/traffic';
import type { Attr, EntityModel } from './entityModel';
import { geo, prop, rel } from './entityModel';

export const ENTITY_TYPES = ['TrafficFlowObserved', 'Vehicle', 'Alert'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const iso = (ms: number): string => new Date(Math.round(ms)).toISOString();

export function trafficEntity(seg: RoadSegment, reading: TrafficReading, observedMs: number): EntityModel {
  const attrs: Record<string, Attr> = {
    location: geo({ type: 'LineString', coordinates: seg.coordinates.map((p) => [p[0], p[1]]) }),
    dateObserved: prop(iso(observedMs)),
    averageVehicleSpeed: prop(reading.averageVehicleSpeed),
    intensity: prop(reading.intensity),
    occupancy: prop(reading.occupancy),
    congested: prop(reading.congested),
    freeFlowSpeed: prop(seg.freeFlowKmh),
    refRoadSegment: rel(seg.id),
  };
  if (seg.name !== null) attrs['name'] = prop(seg.name);
  return { id: trafficId(seg.index), type: 'TrafficFlowObserved', attrs };
}

/** Smart Data Model Vehicle vocabulary for each agency's vehicles. */
const VEHICLE_KIND: Record<Agency, { vehicleType: string; vehicleSpecialUsage: string | null }> = {
  police: { vehicleType: 'car', vehicleSpecialUsage: 'police' },
  'tourist-police': { vehicleType: 'car', vehicleSpecialUsage: 'police' },
  ems: { vehicleType: 'ambulance', vehicleSpecialUsage: 'ambulance' },
  fire: { vehicleType: 'fireTender', vehicleSpecialUsage: 'fireBrigade' },
  rescue: { vehicleType: 'fourWheelDrive', vehicleSpecialUsage: null },
  'marine-rescue': { vehicleType: 'vessel', vehicleSpecialUsage: null },
};

const SERVICE_STATUS: Record<UnitStatus, string> = {
  available: 'parked',
  dispatched: 'onRoute',
  'on-scene': 'parked',
  returning: 'onRoute',
  'out-of-service': 'outOfService',
};

export function vehicleEntity(unit: Unit): EntityModel {
  const at = iso(unit.observedMs);
  const kind = VEHICLE_KIND[unit.agency];
  const attrs: Record<string, Attr> = {
    vehicleType: prop(kind.vehicleType),
    category: prop(['specialUsage', 'tracked']),
    location: geo({ type: 'Point', coordinates: [unit.location[0], unit.location[1]] }, at),
    heading: prop(unit.heading, at),
    speed: prop(unit.speedKmh, at),
    serviceStatus: prop(SERVICE_STATUS[unit.status]),
    fleetVehicleId: prop(unit.callsign),
    callsign: prop(unit.callsign),
    agency: prop(unit.agency),
    unitStatus: prop(unit.status),
    station: prop(unit.station.name),
  };
  if (kind.vehicleSpecialUsage !== null) attrs['vehicleSpecialUsage'] = prop(kind.vehicleSpecialUsage);
  if (unit.incidentId !== null) attrs['assignedIncident'] = rel(unit.incidentId);
  return { id: unit.id, type: 'Vehicle', attrs };
}

export function alertEntity(incident: Incident): EntityModel {
  const { category, subCategory } = incidentTypeToAlert[incident.type];
  const attrs: Record<string, Attr> = {
    category: prop(category),
    subCategory: prop(subCategory),
    severity: prop(incident.severity),
    location: geo({ type: 'Point', coordinates: [incident.location[0], incident.location[1]] }),
    description: prop(incident.description),
    dateIssued: prop(iso(incident.issuedMs)),
    dateModified: prop(iso(incident.modifiedMs)),
    alertSource: prop(incident.alertSource),
    incidentType: prop(incident.type),
    status: prop(incident.status),
    assignedUnits: prop([...incident.assignedUnits]),
    district: prop(incident.district),
  };
  // Each note is an instance of the multi-attribute `notes` (normalized: one {type, value, datasetId} per note).
  if (incident.notes.length > 0) attrs['notes'] = { kind: 'Multi', instances: incident.notes.map((n) => ({ value: { ...n }, datasetId: noteDatasetId(n.id) })) };
  if (incident.reporterLanguage !== null) attrs['reporterLanguage'] = prop(incident.reporterLanguage);
  if (incident.reporterNationality !== null) attrs['reporterNationality'] = prop(incident.reporterNationality);
  return { id: incident.id, type: 'Alert', attrs };
}

/** All entities of one type, in a stable order (creation order). */
export function entitiesOfType(city: City, type: EntityType): EntityModel[] {
  switch (type) {
    case 'TrafficFlowObserved':
      return city.graph.segments.flatMap((seg) => {
        const reading = city.traffic[seg.index];
        return reading === undefined ? [] : [trafficEntity(seg, reading, city.trafficObservedMs)];
      });
    case 'Vehicle':
      return [...city.units.values()].map(vehicleEntity);
    case 'Alert':
      return [...city.incidents.values()].map(alertEntity);
  }
}

const TRAFFIC_PREFIX = 'urn:ngsi-ld:TrafficFlowObserved:phuket:';

export function entityById(city: City, id: string): EntityModel | null {
  const incident = city.incidents.get(id);
  if (incident !== undefined) return alertEntity(incident);
  const unit = city.units.get(id);
  if (unit !== undefined) return vehicleEntity(unit);
  if (id.startsWith(TRAFFIC_PREFIX)) {
    const index = Number(id.slice(TRAFFIC_PREFIX.length)) - 1;
    const seg = city.graph.segments[index];
    const reading = city.traffic[index];
    if (seg !== undefined && reading !== undefined && trafficId(index) === id) return trafficEntity(seg, reading, city.trafficObservedMs);
  }
  return null;
}
